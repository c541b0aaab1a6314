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

// ---------------------------------------------------------------------------------------------
// Versions, comments and reviews (issue 5)
// ---------------------------------------------------------------------------------------------

export const VERSION_LIMITS = {
  versionNameMax: 200,
  versionDescriptionMax: 5_000,
  versionTagMax: 40,
  versionPageMax: 200,
  labelNameMax: 40,
  commentBodyMax: 10_000,
  /** Node ids and parameter names a comment is anchored to. */
  anchorMax: 200,
  reviewersMax: 20,
  /** Lines of context around each change in a code diff. */
  diffContextMax: 20,
} as const;

/** Control characters (C0, DEL, C1) have no business in a one-line name. */
const NO_CONTROL_CHARACTERS = /^[^\p{Cc}]*$/u;

/** Version ids arrive in URLs and queries; any GUID shape passes here, unknown ones are 404 later. */
const versionIdSchema = z.guid('Not a version id');
/** `draft` stands for the pipeline's live document. */
const versionOrDraftSchema = z.union([z.literal('draft'), versionIdSchema]);

export const versionCreateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Name must not be empty')
    .max(VERSION_LIMITS.versionNameMax, `Name must be at most ${VERSION_LIMITS.versionNameMax} characters`)
    .regex(NO_CONTROL_CHARACTERS, 'Name must not contain control characters'),
  description: z.string().max(VERSION_LIMITS.versionDescriptionMax).default(''),
  /** A free-form tag such as `v1.2` or `rc`; null or absent for none. */
  tag: z
    .string()
    .trim()
    .min(1, 'Tag must not be empty')
    .max(VERSION_LIMITS.versionTagMax, 'Tag is too long')
    .regex(NO_CONTROL_CHARACTERS, 'Tag must not contain control characters')
    .nullish()
    .transform((tag) => tag ?? null),
});
export type VersionCreateRequest = z.input<typeof versionCreateSchema>;

export const versionListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(VERSION_LIMITS.versionPageMax).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type VersionListQuery = z.input<typeof versionListQuerySchema>;

const labelNameSchema = z
  .string()
  .trim()
  .min(1, 'Label must not be empty')
  .max(VERSION_LIMITS.labelNameMax, `Label must be at most ${VERSION_LIMITS.labelNameMax} characters`)
  .regex(NO_CONTROL_CHARACTERS, 'Label must not contain control characters');

/** `#rrggbb` only: the value ends up in a style attribute, so nothing else may pass. */
export const labelColorSchema = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Colour must be written #rrggbb')
  .transform((color) => color.toLowerCase());

export const versionLabelSchema = z.object({ name: labelNameSchema, color: labelColorSchema });
export type VersionLabelRequest = z.input<typeof versionLabelSchema>;
export const versionLabelDeleteSchema = z.object({ name: labelNameSchema });

const booleanQuery = z.enum(['true', 'false']).transform((value) => value === 'true');

export const versionCompareQuerySchema = z.object({
  a: versionIdSchema,
  b: versionOrDraftSchema,
  /** Report node moves too (off by default). */
  moves: booleanQuery.default(false),
  context: z.coerce.number().int().min(0).max(VERSION_LIMITS.diffContextMax).default(3),
});
export type VersionCompareQuery = z.input<typeof versionCompareQuerySchema>;

const commentBodySchema = z
  .string()
  .max(VERSION_LIMITS.commentBodyMax, `A comment must be at most ${VERSION_LIMITS.commentBodyMax} characters`)
  .refine((body) => body.trim() !== '', 'A comment must not be empty');

const anchorSchema = z.string().min(1).max(VERSION_LIMITS.anchorMax);

export const commentCreateSchema = z
  .object({
    /** Markdown, stored as sent; rendered sanitized. */
    body: commentBodySchema,
    /** Pins the thread to a node of the version (must exist in it). */
    nodeId: anchorSchema.optional(),
    /** And to one of that node's parameters. */
    param: anchorSchema.optional(),
    /** Makes this a reply to a thread: the id of its root comment. Replies take the root's anchor. */
    parentId: z.guid('Not a comment id').optional(),
  })
  .refine((c) => c.param === undefined || c.nodeId !== undefined, {
    message: 'A parameter anchor needs a node',
    path: ['param'],
  })
  .refine((c) => c.parentId === undefined || (c.nodeId === undefined && c.param === undefined), {
    message: "A reply takes its thread's anchor; leave nodeId and param out",
    path: ['nodeId'],
  });
export type CommentCreateRequest = z.input<typeof commentCreateSchema>;

export const commentPatchSchema = z
  .object({ body: commentBodySchema, resolved: z.boolean() })
  .partial()
  .refine((patch) => patch.body !== undefined || patch.resolved !== undefined, 'Nothing to change');
export type CommentPatchRequest = z.input<typeof commentPatchSchema>;

export const commentListQuerySchema = z.object({
  /**
   * What "outdated" is measured against: a later version, or `draft`. Absent: the newest version
   * of the pipeline.
   */
  relativeTo: versionOrDraftSchema.optional(),
});
export type CommentListQuery = z.input<typeof commentListQuerySchema>;

export const REVIEW_DECISIONS = ['approved', 'changes_requested'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const reviewRequestSchema = z.object({
  reviewers: z
    .array(usernameSchema)
    .min(1, 'Name at least one reviewer')
    .max(VERSION_LIMITS.reviewersMax, `At most ${VERSION_LIMITS.reviewersMax} reviewers at once`),
});
export type ReviewRequestRequest = z.input<typeof reviewRequestSchema>;

export const reviewDecisionSchema = z.object({
  decision: z.enum(REVIEW_DECISIONS),
  comment: commentBodySchema.optional(),
});
export type ReviewDecisionRequest = z.input<typeof reviewDecisionSchema>;
