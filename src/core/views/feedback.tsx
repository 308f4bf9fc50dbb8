import { registerMessages, translator } from '../i18n/index.ts';
import { BI, type PageContext } from './layout.tsx';
import it from './i18n/it.json' with { type: 'json' };
import en from './i18n/en.json' with { type: 'json' };

/**
 * The Modello Comuni rating widget ("Quanto sono chiare le informazioni su questa pagina?"). The ONLY place
 * where the feedback-* data-element markers are emitted. One plain form posting to /feedback: it works without
 * JavaScript (both answer groups visible); /assets/piazza/feedback.js shows only the group that fits the stars.
 */

registerMessages({ it, en });

export const NEGATIVE_ANSWERS = ['unclear-instructions', 'incomplete-instructions', 'unsure-progress', 'technical-problems', 'other-difficulty'] as const;
export const POSITIVE_ANSWERS = ['clear-instructions', 'complete-instructions', 'sure-progress', 'no-technical-problems', 'other-preference'] as const;
export type FeedbackAnswer = (typeof NEGATIVE_ANSWERS)[number] | (typeof POSITIVE_ANSWERS)[number];
export const COMMENT_MAX = 200;
export const PATH_MAX = 300;
/** Client script to pass in the Layout's `scripts` prop on pages that show the widget. */
export const FEEDBACK_SCRIPT = 'feedback.js';

/** The answers allowed for a rating: 1–3 stars → difficulties, 4–5 → preferences. */
export function answersFor(rating: number): readonly FeedbackAnswer[] {
  return rating <= 3 ? NEGATIVE_ANSWERS : POSITIVE_ANSWERS;
}

/** 'thanks' after a successful post, 'error' after a rejected one (query flag `feedback` of the page URL). */
export function feedbackState(path: string): 'thanks' | 'error' | 'form' {
  const q = path.indexOf('?');
  if (q < 0) return 'form';
  const flag = new URLSearchParams(path.slice(q + 1)).get('feedback');
  return flag === 'grazie' ? 'thanks' : flag === 'errore' ? 'error' : 'form';
}

export interface FeedbackWidgetProps {
  ctx: PageContext;
  /** At the end of a transactional flow: "Quanto è stato facile usare questo servizio?". */
  transactional?: boolean;
  /** Force the thank-you state (otherwise read from the `feedback=grazie` flag of ctx.path). */
  thanked?: boolean;
}

export function FeedbackWidget({ ctx, transactional = false, thanked }: FeedbackWidgetProps) {
  const tr = translator(ctx.locale);
  const state = thanked ? 'thanks' : feedbackState(ctx.path);
  const path = ctx.path.split(/[?#]/)[0] || '/';
  const block = (kind: 'negative' | 'positive', answers: readonly FeedbackAnswer[]) => (
    <fieldset class={`feedback-answers mt-4`} data-element={`feedback-rating-${kind}`} data-feedback-block={kind}>
      <legend class="h5 px-0" data-element="feedback-rating-question">
        {tr(`feedback.${kind}.question`)}
      </legend>
      {answers.map((a) => (
        <div class="form-check">
          <input class="form-check-input" type="radio" name="answer" id={`feedback-answer-${a}`} value={a} />
          <label class="form-check-label" for={`feedback-answer-${a}`} data-element="feedback-rating-answer">
            {tr(`feedback.answer.${a}`)}
          </label>
        </div>
      ))}
    </fieldset>
  );
  return (
    <section class="bg-primary-lightest py-4 mt-5" id="feedback" aria-labelledby="feedback-title">
      <div class="row d-flex justify-content-center">
        <div class="col-12 col-lg-8">
          <div class="cmp-rating">
            <div class="card shadow card-wrapper p-4 rounded" data-element="feedback">
              <h2 class="title-medium-2-semi-bold mb-3 h4" id="feedback-title" data-element="feedback-title">
                {transactional ? tr('feedback.titleTransactional') : tr('feedback.title')}
              </h2>
              {state === 'thanks' ? (
                <div class="alert alert-success" role="status">
                  <p class="mb-0">{tr('feedback.thanks')}</p>
                </div>
              ) : (
                <form method="post" action="/feedback" class="feedback-form">
                  <input type="hidden" name="_csrf" value={ctx.csrfToken} />
                  <input type="hidden" name="path" value={path} />
                  {state === 'error' ? (
                    <div class="alert alert-danger" role="alert" id="feedback-error">
                      <p class="mb-0">{tr('feedback.error')}</p>
                    </div>
                  ) : null}
                  <div class="d-flex">
                    <fieldset class="rating" aria-describedby={state === 'error' ? 'feedback-error' : undefined}>
                      <legend class="visually-hidden">{tr('feedback.rateLegend')}</legend>
                      {[5, 4, 3, 2, 1].map((n) => [
                        <input type="radio" id={`feedback-star-${n}`} name="rating" value={String(n)} required />,
                        <label class="full rating-star" for={`feedback-star-${n}`} data-element={`feedback-rate-${n}`}>
                          <svg class="icon icon-sm" aria-hidden="true" focusable="false">
                            <use href={`${BI}/svg/sprites.svg#it-star-full`}></use>
                          </svg>
                          <span class="visually-hidden">{tr('feedback.rateStar', { n })}</span>
                        </label>,
                      ])}
                    </fieldset>
                  </div>
                  {block('negative', NEGATIVE_ANSWERS)}
                  {block('positive', POSITIVE_ANSWERS)}
                  <div class="form-group mt-4 mb-3">
                    <label for="feedback-comment" class="active">{tr('feedback.comment')}</label>
                    <textarea
                      class="form-control"
                      id="feedback-comment"
                      name="comment"
                      rows={3}
                      maxlength={COMMENT_MAX}
                      aria-describedby="feedback-comment-hint"
                      data-element="feedback-input-text"
                    ></textarea>
                    <small id="feedback-comment-hint" class="form-text">{tr('feedback.commentHint')}</small>
                  </div>
                  <button type="submit" class="btn btn-primary">{tr('feedback.submit')}</button>
                </form>
              )}
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
