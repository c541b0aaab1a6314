/** `/api/pipelines/:id/members`: who is on a pipeline and with which role (owners change it). */
import type { MemberRole } from '../../../shared/api/schemas.ts';
import type { Member } from '../../../shared/api/types.ts';
import type { HttpClient } from '../api/http.ts';

export interface MembersApi {
  list(pipelineId: string): Promise<Member[]>;
  /** Adds a person by username, or changes their role when they are already a member. */
  invite(pipelineId: string, username: string, role: MemberRole): Promise<Member>;
  changeRole(pipelineId: string, userId: string, role: MemberRole): Promise<Member>;
  remove(pipelineId: string, userId: string): Promise<void>;
}

const membersPath = (pipelineId: string) => `/api/pipelines/${encodeURIComponent(pipelineId)}/members`;

export function makeMembersApi(http: HttpClient): MembersApi {
  return {
    list: (pipelineId) => http.request('GET', membersPath(pipelineId)),
    invite: (pipelineId, username, role) =>
      http.request('PUT', membersPath(pipelineId), { body: { username, role } }),
    changeRole: (pipelineId, userId, role) =>
      http.request('PUT', `${membersPath(pipelineId)}/${encodeURIComponent(userId)}`, { body: { role } }),
    async remove(pipelineId, userId) {
      await http.request<void>('DELETE', `${membersPath(pipelineId)}/${encodeURIComponent(userId)}`);
    },
  };
}
