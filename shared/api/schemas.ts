/**
 * Request schemas of the REST API (ARCHITECTURE §5), shared by the server (validation) and the
 * client (form checks and types). Limits are named so both sides say the same thing.
 */
import { z } from 'zod';

export const LIMITS = {
  usernameMin: 3,
  usernameMax: 32,
  emailMax: 254,
  passwordMin: 8,
  passwordMax: 256,
  pipelineNameMax: 200,
  descriptionMax: 5_000,
  tagsMax: 20,
  tagMax: 40,
  pageSizeMax: 100,
  searchMax: 200,
} as const;

export const memberRoleSchema = z.enum(['owner', 'editor', 'commenter', 'viewer']);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Letters and digits of any script, plus `_ . -`: readable in @mentions, never markup. */
export const usernameSchema = z
  .string()
  .trim()
  .min(LIMITS.usernameMin, `Username must be at least ${LIMITS.usernameMin} characters`)
  .max(LIMITS.usernameMax, `Username must be at most ${LIMITS.usernameMax} characters`)
  .regex(/^[\p{L}\p{N}_.-]+$/u, 'Username may contain only letters, digits, "_", "." and "-"');

export const registerSchema = z.object({
  username: usernameSchema,
  email: z
    .string()
    .trim()
    .max(LIMITS.emailMax, 'Email is too long')
    .pipe(z.email('Enter a valid email address')),
  password: z
    .string()
    .min(LIMITS.passwordMin, `Password must be at least ${LIMITS.passwordMin} characters`)
    .max(LIMITS.passwordMax, `Password must be at most ${LIMITS.passwordMax} characters`),
});
export type RegisterRequest = z.infer<typeof registerSchema>;

export const loginSchema = z.object({
  /** Username or email. */
  login: z.string().trim().min(1, 'Enter your username or email').max(LIMITS.emailMax),
  password: z.string().min(1, 'Enter your password').max(LIMITS.passwordMax),
});
export type LoginRequest = z.infer<typeof loginSchema>;

const pipelineName = z
  .string()
  .trim()
  .min(1, 'Name must not be empty')
  .max(LIMITS.pipelineNameMax, `Name must be at most ${LIMITS.pipelineNameMax} characters`);
const tag = z.string().trim().min(1, 'Tags must not be empty').max(LIMITS.tagMax, 'Tag is too long');

export const pipelineCreateSchema = z.object({
  name: pipelineName,
  description: z.string().max(LIMITS.descriptionMax).default(''),
  tags: z.array(tag).max(LIMITS.tagsMax).default([]),
  /** Template id from `GET /api/templates` (code-generation issue); absent for an empty pipeline. */
  template: z.string().max(100).optional(),
});
export type PipelineCreateRequest = z.input<typeof pipelineCreateSchema>;

export const pipelinePatchSchema = z
  .object({
    name: pipelineName,
    description: z.string().max(LIMITS.descriptionMax),
    tags: z.array(tag).max(LIMITS.tagsMax),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, 'Nothing to change');
export type PipelinePatchRequest = z.infer<typeof pipelinePatchSchema>;

export const pipelineListQuerySchema = z.object({
  q: z.string().max(LIMITS.searchMax).optional(),
  tag: z.string().max(LIMITS.tagMax).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
  offset: z.coerce.number().int().min(0).default(0),
});
export type PipelineListQuery = z.input<typeof pipelineListQuerySchema>;

/** `PUT /api/pipelines/:id/members` invites by username; `PUT …/members/:userId` changes a role. */
export const memberInviteSchema = z.object({ username: usernameSchema, role: memberRoleSchema });
export const memberRoleChangeSchema = z.object({ role: memberRoleSchema });
