import { Id, type ReferralDetail, type ScreeningDecisionInput, type ScreeningOutcome as Decided } from '@marac/shared';
import { Link, useNavigate, useParams } from 'react-router';
import { BackLink } from '../../../components/ui/back-link';
import { BarEffectsBanner } from '../../../components/ui/bar-effects';
import { FlagList } from '../../../components/ui/flag-list';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { QueryProblem } from '../../../components/ui/query-problem';
import { ReferralStatusTag } from '../../../components/ui/referral-status-tag';
import { Tag } from '../../../components/ui/tag';
import { paths } from '../../../config/paths';
import { useSession } from '../../../features/auth/components/require-session';
import { IdentityMatches } from '../../../features/screening/components/identity-matches';
import { ReferralHistory } from '../../../features/screening/components/referral-history';
import { ReferralSummary } from '../../../features/screening/components/referral-summary';
import { OPEN_FOR_SCREENING, ScreeningDecisionForm } from '../../../features/screening/components/screening-decision-form';
import { ScreeningOutcome } from '../../../features/screening/components/screening-outcome';
import { UnsafeContacts } from '../../../features/screening/components/unsafe-contacts';
import { useAgencyDirectory } from '../../../lib/api/get-agency-directory';
import { useReferral } from '../../../lib/api/get-referral';
import { flashNotice, useFlashBarEffects, useFlashNotice } from '../../../lib/flash-notice';
import { NotFoundRoute } from '../not-found';

const DECIDED: Record<ScreeningDecisionInput['decision'], (referral: ReferralDetail) => string> = {
  accept: (r) => `${r.reference} has been accepted${r.areaName ? ` for ${r.areaName}` : ''}`,
  reject: (r) => `${r.reference} has been rejected. The referrer can see the reason.`,
  merge: (r) => `${r.reference} has been merged into another referral`,
  request_information: (r) => `The referrer has been asked for more information about ${r.reference}`,
};

/** One referral, for its referrer and for the coordinators and chairs of its area. */
export function ReferralDetailRoute() {
  const { referralId = '' } = useParams();
  // Anything but an id is an address that cannot name a referral: asking the server would only be refused.
  if (!Id.safeParse(referralId).success) return <NotFoundRoute />;
  return <ReferralDetailPage key={referralId} referralId={referralId} />;
}

function ReferralDetailPage({ referralId }: { referralId: string }) {
  const me = useSession();
  const navigate = useNavigate();
  const notice = useFlashNotice();
  const barEffects = useFlashBarEffects();
  const referral = useReferral(referralId);
  const agencies = useAgencyDirectory();

  if (referral.isPending || referral.isError) {
    return (
      <>
        <PageHeading title="Referral" />
        {referral.isPending ? <Loading label="Loading the referral…" /> : <QueryProblem error={referral.error} subject="the referral" />}
      </>
    );
  }

  const detail = referral.data;
  // The server decides who may see the referral; the page decides what each of them is offered.
  const screensArea = (me.user.role === 'coordinator' || me.user.role === 'chair') && me.areas.some((area) => area.id === detail.areaId);
  const coordinator = screensArea && me.user.role === 'coordinator';

  const decided = (updated: Decided, decision: ScreeningDecisionInput['decision']) => {
    void navigate(paths.referrals.detail(updated.id), { replace: true, state: flashNotice(DECIDED[decision](updated), updated.barEffects) });
    // Same page, so the root route does not move focus: take the reader up to the outcome.
    document.querySelector<HTMLElement>('main h1')?.focus();
  };

  return (
    <>
      {screensArea ? <BackLink to={paths.screening}>Back to screening</BackLink> : <BackLink to={paths.referrals.mine}>Back to your referrals</BackLink>}
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <BarEffectsBanner effects={barEffects} />
      <PageHeading title={`Referral ${detail.reference}`} caption={detail.areaName} />
      <p className="govuk-body">
        <ReferralStatusTag status={detail.status}>{detail.statusLabel}</ReferralStatusTag>
        {detail.urgent ? (
          <>
            {' '}
            <Tag colour="red">Urgent</Tag>
          </>
        ) : null}
      </p>
      {screensArea ? null : <ScreeningOutcome referral={detail} />}
      {screensArea && detail.caseId ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={paths.cases.actions(detail.caseId)}>
            See the actions for case {detail.caseReference ?? ''}
          </Link>
        </p>
      ) : null}
      <FlagList flags={detail.flags} />
      <UnsafeContacts contacts={detail.unsafeContacts} agencies={agencies.data} />
      <ReferralSummary referral={detail} />
      <ReferralHistory history={detail.history} />
      {coordinator ? <IdentityMatches referralId={detail.id} /> : null}
      {coordinator && OPEN_FOR_SCREENING.includes(detail.status) ? (
        <ScreeningDecisionForm referral={detail} areas={me.areas} cancelTo={paths.screening} onDecided={decided} />
      ) : null}
    </>
  );
}
