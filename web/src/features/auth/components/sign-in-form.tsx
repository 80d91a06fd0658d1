import { LoginRequest, type FieldError, type Me } from '@marac/shared';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ErrorSummary } from '../../../components/ui/error-summary';
import { TextInput } from '../../../components/ui/text-input';
import { errorFor, fieldErrorsFromFailure, fieldErrorsFromZod } from '../../../lib/field-errors';
import { useSignIn } from '../api/sign-in';

const FIELD_IDS = { email: 'email', password: 'password' } as const;

interface SignInFormProps {
  onSuccess: (me: Me) => void;
}

export function SignInForm({ onSuccess }: SignInFormProps) {
  const [values, setValues] = useState({ email: '', password: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const signIn = useSignIn();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (signIn.isPending) return;
    const parsed = LoginRequest.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrorsFromZod(parsed.error));
      return;
    }
    signIn.mutate(parsed.data, {
      onSuccess: (me) => {
        setErrors([]);
        onSuccess(me);
      },
      onError: (error) => setErrors(fieldErrorsFromFailure(error)),
    });
  };

  return (
    <>
      <ErrorSummary errors={errors} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELD_IDS.email}
          name="email"
          label="E-mail address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={values.email}
          onChange={(event) => setValues({ ...values, email: event.target.value })}
          error={errorFor(errors, 'email')}
        />
        <TextInput
          id={FIELD_IDS.password}
          name="password"
          label="Password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.target.value })}
          error={errorFor(errors, 'password')}
        />
        <Button type="submit" aria-disabled={signIn.isPending}>
          Sign in
        </Button>
      </form>
    </>
  );
}
