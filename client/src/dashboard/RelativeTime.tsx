/** "5 minutes ago", with the exact time as a tooltip and machine-readable datetime. */
import { formatFullTime, formatRelativeTime } from '../lib/relative-time.ts';

export function RelativeTime(props: { iso: string; now: Date }) {
  const date = () => new Date(props.iso);
  return (
    <time datetime={props.iso} title={formatFullTime(date())}>
      {formatRelativeTime(date(), props.now)}
    </time>
  );
}
