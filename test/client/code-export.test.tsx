/** The Export menu (keyboard and pointer) and the download with progress behind it. */
import { fireEvent, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchExport, fileNameOf } from '../../client/src/code/download-export.ts';
import { ExportMenu } from '../../client/src/code/ExportMenu.tsx';
import { exportPath } from '../../client/src/code/export-formats.ts';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('<ExportMenu>', () => {
  function mount(note?: string) {
    const onExport = vi.fn();
    render(() => <ExportMenu busy={false} note={note} onExport={onExport} />);
    const button = screen.getByRole('button', { name: 'Export' });
    return { onExport, button };
  }

  it('is a menu button: Enter opens on the first item, arrows move, Enter picks and returns focus', async () => {
    const { onExport, button } = mount();
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    fireEvent.click(button, { detail: 0 }); // what Enter or Space on a button dispatches
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const menu = screen.getByRole('menu', { name: 'Export' });
    const items = screen.getAllByRole('menuitem');
    expect(items.map((item) => item.getAttribute('aria-label'))).toEqual([
      'Python script',
      'Jupyter notebook',
      'requirements.txt',
      'Docker bundle',
    ]);
    await Promise.resolve();
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[3]);
    fireEvent.keyDown(menu, { key: 'Home' });
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.click(items[1]!);
    expect(onExport).toHaveBeenCalledWith('notebook');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('opens on the last item with ArrowUp; Escape closes and returns focus', async () => {
    const { onExport, button } = mount();
    button.focus();
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    await Promise.resolve();
    expect(document.activeElement).toBe(screen.getAllByRole('menuitem')[3]);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
    expect(onExport).not.toHaveBeenCalled();
  });

  it('a pointer click opens it without moving focus, and a second closes it', () => {
    const { button } = mount('2 changes have not reached the server yet');
    fireEvent.click(button, { detail: 1 });
    const menu = screen.getByRole('menu');
    expect(document.getElementById(menu.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /not reached the server/,
    );
    fireEvent.click(button, { detail: 1 });
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('fetchExport', () => {
  it('reports progress as the bytes arrive and names the file as the server does', async () => {
    const chunks = [new Uint8Array(300), new Uint8Array(700)];
    const fetchStub = vi.fn(async (input: RequestInfo | URL) => {
      expect(String(input)).toBe(exportPath('p 1', 'docker'));
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
      return new Response(body, {
        headers: {
          'content-type': 'application/zip',
          'content-length': '1000',
          'content-disposition': 'attachment; filename="iris-docker.zip"',
        },
      });
    });
    vi.stubGlobal('fetch', fetchStub);
    const progress: [number, number | null][] = [];
    const file = await fetchExport('p 1', 'docker', (p) => progress.push([p.received, p.total]));
    expect(file.name).toBe('iris-docker.zip');
    expect(file.blob.size).toBe(1000);
    expect(progress).toEqual([
      [0, 1000],
      [300, 1000],
      [1000, 1000],
    ]);
  });

  it('turns an error response into the server’s message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json(
          { error: { code: 'forbidden', message: 'You cannot export this pipeline' } },
          { status: 403 },
        ),
      ),
    );
    await expect(fetchExport('p1', 'python', () => {})).rejects.toThrow('You cannot export this pipeline');
  });

  it('reads the file name of a content-disposition header', () => {
    expect(fileNameOf('attachment; filename="a_b.py"')).toBe('a_b.py');
    expect(fileNameOf(null)).toBeNull();
    expect(fileNameOf('inline')).toBeNull();
  });
});
