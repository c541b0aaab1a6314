/**
 * The system clipboard when the browser lets us use it, and an in-memory copy when it does not
 * (no permission, insecure context, tests). If our last copy reached the system clipboard, a paste
 * reads the system clipboard, so text the person copied elsewhere since then wins over ours; if it
 * did not, the in-memory copy is what they meant.
 */
import { type ClipboardPayload, parseClipboard } from '../../../shared/doc/index.ts';

let memory: string | null = null;
let systemHasOurCopy = false;

export async function writeCanvasClipboard(payload: ClipboardPayload): Promise<void> {
  const text = JSON.stringify(payload);
  memory = text;
  systemHasOurCopy = false;
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      systemHasOurCopy = true;
    }
  } catch {
    // Denied or unavailable: the in-memory copy still pastes within this tab.
  }
}

export async function readCanvasClipboard(): Promise<ClipboardPayload | null> {
  // Nothing copied in this tab yet: the system clipboard may hold a copy from another tab.
  if (systemHasOurCopy || memory === null) {
    try {
      if (navigator.clipboard) return parseClipboard(await navigator.clipboard.readText());
    } catch {
      // Reading needs a permission that writing did not: fall back to our copy.
    }
  }
  return parseClipboard(memory);
}

/** For tests: forget the in-memory copy. */
export function resetCanvasClipboard(): void {
  memory = null;
  systemHasOurCopy = false;
}
