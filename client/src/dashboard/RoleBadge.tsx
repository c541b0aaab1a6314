/** The caller's role on a pipeline, as a small coloured badge. */
import type { MemberRole } from '../../../shared/api/schemas.ts';

const LABELS: Record<MemberRole, string> = {
  owner: 'Owner',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};

export function RoleBadge(props: { role: MemberRole }) {
  return (
    <span class={`badge badge--${props.role}`} title={`Your role: ${LABELS[props.role]}`}>
      {LABELS[props.role]}
    </span>
  );
}
