/** Short-lived notices ("Pipeline deleted") and failures that must stay visible until dismissed. */
import { type Accessor, createContext, createSignal, onCleanup, useContext } from 'solid-js';

export type ToastKind = 'success' | 'error' | 'info';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

export interface Toaster {
  toasts: Accessor<readonly Toast[]>;
  show(message: string, kind?: ToastKind): void;
  dismiss(id: number): void;
}

/** How long a success or info toast stays; errors stay until dismissed. */
export const TOAST_DURATION_MS = 5_000;
const MAX_TOASTS = 4;

export function createToaster(): Toaster {
  const [toasts, setToasts] = createSignal<readonly Toast[]>([]);
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  let nextId = 1;

  const dismiss = (id: number) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    setToasts((list) => list.filter((toast) => toast.id !== id));
  };
  onCleanup(() => {
    for (const timer of timers.values()) clearTimeout(timer);
  });

  return {
    toasts,
    dismiss,
    show(message, kind = 'success') {
      const id = nextId++;
      setToasts((list) => [...list, { id, kind, message }].slice(-MAX_TOASTS));
      if (kind !== 'error')
        timers.set(
          id,
          setTimeout(() => dismiss(id), TOAST_DURATION_MS),
        );
    },
  };
}

export const ToasterContext = createContext<Toaster>();

export function useToaster(): Toaster {
  const toaster = useContext(ToasterContext);
  if (!toaster) throw new Error('useToaster() needs a <ToasterContext.Provider> above it');
  return toaster;
}
