import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { paths } from '../../../config/paths';
import { setCsrfToken } from '../../../lib/api-client';
import { useSignOut } from '../api/sign-out';

export function SignOutButton() {
  const signOut = useSignOut();
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const onClick = () => {
    if (signOut.isPending) return;
    signOut.mutate(undefined, {
      onSuccess: async () => {
        // Leave the signed-in pages first, so nothing re-asks for the data being cleared.
        await navigate(paths.signIn, { replace: true });
        queryClient.clear();
        setCsrfToken(null);
      },
    });
  };

  return (
    <>
      <button type="button" className="app-header__sign-out" onClick={onClick}>
        Sign out
      </button>
      {signOut.isError ? (
        <p className="app-header__error" role="alert">
          You have not been signed out: {signOut.error.message}
        </p>
      ) : null}
    </>
  );
}
