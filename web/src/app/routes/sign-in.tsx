import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { PageLayout } from '../../components/layouts/page-layout';
import { NotificationBanner } from '../../components/ui/notification-banner';
import { PageHeading } from '../../components/ui/page-heading';
import { WarningText } from '../../components/ui/warning-text';
import { usePublicInfo } from '../../features/auth/api/get-public-info';
import { SignInForm } from '../../features/auth/components/sign-in-form';
import { isSessionEndedState, safeReturnPath } from '../../features/auth/utils/return-path';

export function SignInRoute() {
  const publicInfo = usePublicInfo();
  const location = useLocation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const returnTo = safeReturnPath(params.get('returnTo'));
  const demo = publicInfo.data?.demo ?? false;

  return (
    <PageLayout demo={demo}>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          {isSessionEndedState(location.state) ? (
            <NotificationBanner>Your session has ended; sign in again</NotificationBanner>
          ) : null}
          <PageHeading title="Sign in" caption={publicInfo.data?.name} />
          {demo ? <WarningText>This is a demonstration with invented data</WarningText> : null}
          <SignInForm onSuccess={() => void navigate(returnTo, { replace: true })} />
        </div>
      </div>
    </PageLayout>
  );
}
