/** What each role may do in the builder, and how roles are named to people. */
import type { MemberRole } from '../../../shared/api/schemas.ts';

export const ROLES: readonly MemberRole[] = ['owner', 'editor', 'commenter', 'viewer'];

export const ROLE_LABELS: Record<MemberRole, string> = {
  owner: 'Owner',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<MemberRole, string> = {
  owner: 'Edits, shares and deletes',
  editor: 'Edits the pipeline',
  commenter: 'Views and comments',
  viewer: 'Views only',
};

/** Owners and editors write the document; the server drops everyone else's updates. */
export function canEdit(role: MemberRole): boolean {
  return role === 'owner' || role === 'editor';
}

/** The badge a read-only person sees in the top bar; null for those who can edit. */
export function readOnlyBadge(role: MemberRole): string | null {
  switch (role) {
    case 'owner':
    case 'editor':
      return null;
    case 'commenter':
      return 'Can comment';
    case 'viewer':
      return 'View only';
  }
}
