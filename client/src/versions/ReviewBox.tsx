/**
 * Reviews of the viewed version: who was asked and what they decided; editors ask members to
 * review; an asked reviewer approves or requests changes (with an optional comment). Refetched on
 * review notifications for this version.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { ReviewDecision } from '../../../shared/api/schemas.ts';
import type { Member, VersionReviews } from '../../../shared/api/types.ts';
import { ApiRequestError } from '../api/errors.ts';
import { createRecordListener, type StatelessSubscribe } from './create-record-listener.ts';
import { UserCheck } from './icons.ts';
import type { VersionsApi } from './versions-api.ts';

export interface ReviewBoxProps {
  api: VersionsApi;
  versionId: string;
  userId: string;
  canRequest: boolean;
  listMembers: () => Promise<Member[]>;
  subscribe: StatelessSubscribe;
  onError: (message: string) => void;
}

const DECISION_TEXT: Record<ReviewDecision, string> = {
  approved: 'approved',
  changes_requested: 'requested changes',
};

export function ReviewBox(props: ReviewBoxProps) {
  const [reviews, { mutate, refetch }] = createResource(() => props.api.reviews(props.versionId));
  const [picking, setPicking] = createSignal(false);
  const [members] = createResource(picking, () => props.listMembers());
  const [chosen, setChosen] = createSignal<readonly string[]>([]);
  const [note, setNote] = createSignal('');
  createRecordListener(props.subscribe, (n) => {
    if (n.kind === 'review' && n.versionId === props.versionId) void refetch();
  });
  const act = async (action: () => Promise<VersionReviews>) => {
    try {
      mutate(await action());
    } catch (caught) {
      props.onError(caught instanceof ApiRequestError ? caught.message : 'The review could not be saved.');
    }
  };
  const mine = () => reviews()?.reviews.find((r) => r.reviewer.id === props.userId && r.decision === null);
  const decide = (decision: ReviewDecision) =>
    act(() =>
      props.api.decide(props.versionId, note().trim() ? { decision, comment: note() } : { decision }),
    );

  return (
    <section class="review-box" aria-label="Review">
      <h3 class="panel-subheading">Review</h3>
      <ul class="review-box__list">
        <For
          each={reviews()?.reviews ?? []}
          fallback={<li class="panel-empty__text">Nobody was asked to review yet.</li>}
        >
          {(review) => (
            <li>
              <strong>{review.reviewer.username}</strong>{' '}
              {review.decision ? DECISION_TEXT[review.decision] : 'has not decided yet'}
              <Show when={review.comment}>{(comment) => <q class="review-box__comment">{comment()}</q>}</Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={mine()}>
        <div class="review-box__decide">
          <label class="visually-hidden" for="review-note">
            Review comment
          </label>
          <textarea
            id="review-note"
            rows={2}
            placeholder="Optional comment"
            value={note()}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <div class="review-box__buttons">
            <button
              type="button"
              class="button button--primary button--small"
              onClick={() => void decide('approved')}
            >
              Approve
            </button>
            <button
              type="button"
              class="button button--secondary button--small"
              onClick={() => void decide('changes_requested')}
            >
              Request changes
            </button>
          </div>
        </div>
      </Show>
      <Show when={props.canRequest}>
        <Show
          when={picking()}
          fallback={
            <button type="button" class="button button--ghost button--small" onClick={() => setPicking(true)}>
              <UserCheck size={14} aria-hidden="true" /> Request review
            </button>
          }
        >
          <fieldset class="review-box__pick">
            <legend>Ask to review</legend>
            <For
              each={(members() ?? []).filter((m) => m.userId !== props.userId && m.role !== 'viewer')}
              fallback={<p class="panel-empty__text">No other member can review (viewers cannot).</p>}
            >
              {(member) => (
                <label class="review-box__member">
                  <input
                    type="checkbox"
                    checked={chosen().includes(member.username)}
                    onChange={(e) =>
                      setChosen((list) =>
                        e.currentTarget.checked
                          ? [...list, member.username]
                          : list.filter((n) => n !== member.username),
                      )
                    }
                  />
                  {member.username}
                </label>
              )}
            </For>
            <div class="review-box__buttons">
              <button
                type="button"
                class="button button--primary button--small"
                disabled={chosen().length === 0}
                onClick={() =>
                  void act(() => props.api.requestReview(props.versionId, [...chosen()])).then(() => {
                    setPicking(false);
                    setChosen([]);
                  })
                }
              >
                Send request
              </button>
              <button
                type="button"
                class="button button--ghost button--small"
                onClick={() => setPicking(false)}
              >
                Cancel
              </button>
            </div>
          </fieldset>
        </Show>
      </Show>
    </section>
  );
}
