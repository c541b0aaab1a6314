/**
 * A small form controller: string values, client-side checks with the shared zod schema, server
 * field errors mapped back onto the same fields, one general error, and a pending flag.
 * Fields are validated on submit and, after the first attempt, again as the person types.
 */
import { type Accessor, batch, createSignal } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { z } from 'zod';
import { ApiRequestError, describeError } from '../api/errors.ts';
import { type FieldErrors, sortServerErrors, sortZodIssues } from './field-errors.ts';

export interface FormOptions<F extends string, S extends z.ZodType> {
  initial: Record<F, string>;
  schema: S;
  /** Builds the request the schema checks; defaults to the values as they are. */
  toRequest?: (values: Record<F, string>) => unknown;
  onSubmit: (request: z.output<S>) => Promise<void>;
}

export interface Form<F extends string> {
  values: Record<F, string>;
  setValue(field: F, value: string): void;
  error(field: F): string | undefined;
  generalError: Accessor<string | undefined>;
  pending: Accessor<boolean>;
  submit(event?: Event): Promise<void>;
  reset(): void;
  /** The <form> element, to focus the first invalid field. */
  setFormElement(element: HTMLFormElement): void;
}

export function createForm<F extends string, S extends z.ZodType>(options: FormOptions<F, S>): Form<F> {
  const fields = Object.keys(options.initial) as F[];
  // Keyed by plain strings inside: Solid's store path types do not narrow a generic key union.
  const [values, setValues] = createStore<Record<string, string>>({ ...options.initial });
  const [errors, setErrors] = createSignal<FieldErrors<F>>({});
  const [generalError, setGeneralError] = createSignal<string>();
  const [pending, setPending] = createSignal(false);
  const [attempted, setAttempted] = createSignal(false);
  let formElement: HTMLFormElement | undefined;

  const check = () =>
    options.schema.safeParse((options.toRequest ?? ((v) => v))({ ...values } as Record<F, string>));

  const focusFirstInvalid = () => {
    formElement?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  };

  return {
    values: values as Record<F, string>,
    setValue(field, value) {
      setValues(field, value);
      if (!attempted()) return;
      const result = check();
      const next = result.success ? {} : sortZodIssues(result.error.issues, fields).fields;
      setErrors(() => next);
    },
    error: (field) => errors()[field],
    generalError,
    pending,
    async submit(event) {
      event?.preventDefault();
      if (pending()) return;
      setAttempted(true);
      const result = check();
      if (!result.success) {
        const sorted = sortZodIssues(result.error.issues, fields);
        batch(() => {
          setErrors(() => sorted.fields);
          setGeneralError(sorted.general);
        });
        focusFirstInvalid();
        return;
      }
      batch(() => {
        setErrors(() => ({}));
        setGeneralError(undefined);
        setPending(true);
      });
      try {
        await options.onSubmit(result.data);
      } catch (error) {
        const sorted =
          error instanceof ApiRequestError
            ? sortServerErrors(error.fields, fields)
            : { fields: {}, general: undefined };
        batch(() => {
          setErrors(() => sorted.fields);
          // The server's sentence says what happened; field details show next to the fields.
          setGeneralError(Object.keys(sorted.fields).length > 0 ? sorted.general : describeError(error));
        });
        focusFirstInvalid();
      } finally {
        setPending(false);
      }
    },
    reset() {
      batch(() => {
        setValues({ ...options.initial });
        setErrors(() => ({}));
        setGeneralError(undefined);
        setAttempted(false);
      });
    },
    setFormElement(element) {
      formElement = element;
    },
  };
}
