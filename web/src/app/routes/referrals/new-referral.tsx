import { Id } from '@marac/shared';
import { useNavigate, useSearchParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { NewReferralForm } from '../../../features/referrals/components/new-referral-form';
import { useFormSession } from '../../../features/referrals/hooks/use-form-session';
import { flashNotice } from '../../../lib/flash-notice';

export function NewReferralRoute() {
  const me = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { session, state } = useFormSession();
  const draftParam = params.get('draft');
  const draftId = draftParam === null ? null : Id.safeParse(draftParam).success ? draftParam : undefined;

  return (
    <>
      <BackLink to={paths.referrals.mine}>Back to my referrals</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Refer a case to MARAC" caption="New referral" />
          {me.user.role !== 'agency_representative' && me.user.role !== 'coordinator' ? (
            <p className="govuk-body">Referrals are made by agency representatives and MARAC coordinators.</p>
          ) : draftId === undefined ? (
            <p className="govuk-body">There is no draft at this address. Check the link, or start a new referral from My referrals.</p>
          ) : (
            <NewReferralForm
              key={session}
              me={me}
              draftId={draftId}
              onDraftCreated={(id) => void navigate(paths.referrals.draft(id), { replace: true, state })}
              onSubmitted={(referral) =>
                void navigate(paths.referrals.detail(referral.id), {
                  state: flashNotice(`Referral ${referral.reference} has been sent to the MARAC coordinator for screening`),
                })
              }
            />
          )}
        </div>
      </div>
    </>
  );
}
