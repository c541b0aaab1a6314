/** A clock signal that ticks every `intervalMs`, for relative times that stay true. */
import { type Accessor, createSignal, onCleanup } from 'solid-js';

export function createNow(intervalMs = 30_000): Accessor<Date> {
  const [now, setNow] = createSignal(new Date());
  const timer = setInterval(() => setNow(new Date()), intervalMs);
  onCleanup(() => clearInterval(timer));
  return now;
}
