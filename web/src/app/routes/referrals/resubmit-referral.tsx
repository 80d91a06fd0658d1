import { Id } from '@marac/shared';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { ResubmitReferralForm } from '../../../features/referrals/components/resubmit-referral-form';
import { useFormSession } from '../../../features/referrals/hooks/use-form-session';
import { flashNotice } from '../../../lib/flash-notice';

export function ResubmitReferralRoute() {
  const me = useSession();
  const navigate = useNavigate();
  const { referralId = '' } = useParams();
  const [params] = useSearchParams();
  const { session, state } = useFormSession();
  const draftParam = params.get('draft');
  const draftId = draftParam !== null && Id.safeParse(draftParam).success ? draftParam : null;
  const valid = Id.safeParse(referralId).success;

  return (
    <>
      <BackLink to={valid ? paths.referrals.detail(referralId) : paths.referrals.mine}>Back to the referral</BackLink>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PageHeading title="Provide more information" caption="Referral to MARAC" />
          {valid ? (
            <ResubmitReferralForm
              key={`${referralId}:${session}`}
              me={me}
              referralId={referralId}
              draftId={draftId}
              onDraftCreated={(id) =>
                void navigate(`${paths.referrals.resubmit(referralId)}?draft=${id}`, { replace: true, state })
              }
              onSubmitted={(referral) =>
                void navigate(paths.referrals.detail(referral.id), {
                  state: flashNotice(`Referral ${referral.reference} has been sent back to the MARAC coordinator with more information`),
                })
              }
            />
          ) : (
            <p className="govuk-body">There is no referral at this address.</p>
          )}
        </div>
      </div>
    </>
  );
}
