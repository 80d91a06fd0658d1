import type { UseMutationResult } from '@tanstack/react-query';
import type { FieldError } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { fieldErrorsFromFailure } from './field-errors';

interface CheckedSubmit<Input, Result> {
  /** What the form holds, read into the request body, or the problems reading it. */
  read: () => { input: Input | null; errors: FieldError[] };
  /** The shared rules' problems with the values as they stand, shown as the user types. */
  live: FieldError[];
  mutation: UseMutationResult<Result, Error, Input>;
  onSuccess: (result: Result) => void;
}

/**
 * The submit of a form checked as it is typed: nothing is sent while reading the form or the live
 * checks find a problem; the server's refusal is shown field by field. Errors from the last submission
 * stay until the next one (the summary lists them as they stood), while each field shows its live
 * problem first. What was typed is never touched.
 */
export function useCheckedSubmit<Input, Result>({ read, live, mutation, onSuccess }: CheckedSubmit<Input, Result>) {
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [summary, setSummary] = useState<FieldError[]>([]);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (mutation.isPending) return;
    const reading = read();
    const problems = [...reading.errors, ...live];
    if (reading.input === null || problems.length > 0) {
      setErrors(reading.errors);
      setSummary(problems);
      return;
    }
    mutation.mutate(reading.input, {
      onSuccess,
      onError: (error) => {
        const failed = fieldErrorsFromFailure(error);
        setErrors(failed);
        setSummary(failed);
      },
    });
  };
  return { submit, summary, shown: [...live, ...errors] };
}
