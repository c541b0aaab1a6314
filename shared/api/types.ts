/** Response shapes of the REST API (ARCHITECTURE §5). Dates travel as ISO-8601 strings. */
import type { MemberRole } from './schemas.ts';

export interface ApiErrorBody {
  error: {
    /** Stable machine-readable code, e.g. `validation_failed`, `not_found`, `conflict`. */
    code: ApiErrorCode;
    /** A sentence for a person. */
    message: string;
    /** Field-level problems for forms: field path → message. */
    fields?: Record<string, string>;
  };
}

export type ApiErrorCode =
  | 'bad_request'
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

export interface User {
  id: string;
  username: string;
  email: string;
  createdAt: string;
}

export interface PipelineSummary {
  id: string;
  name: string;
  description: string;
  tags: string[];
  ownerId: string;
  ownerUsername: string;
  /** The caller's role on this pipeline. */
  role: MemberRole;
  createdAt: string;
  updatedAt: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Member {
  userId: string;
  username: string;
  role: MemberRole;
}

export interface Health {
  ok: true;
  database: 'pglite' | 'postgres';
  version: string;
}
