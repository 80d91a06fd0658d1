import { useSearchParams } from 'react-router';
import { ButtonLink } from '../../../components/ui/button';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { PageHeading } from '../../../components/ui/page-heading';
import { paths } from '../../../config/paths';
import { MyReferralsView } from '../../../features/referrals/components/my-referrals';
import { useFlashNotice } from '../../../lib/flash-notice';
import { pageFrom, withPage } from '../../../lib/search-params';

const PAGE_SIZE = 25;

export function MyReferralsRoute() {
  const notice = useFlashNotice();
  const [params] = useSearchParams();
  const page = pageFrom(params);

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <PageHeading title="My referrals" />
      <ButtonLink to={paths.referrals.new}>Start a new referral</ButtonLink>
      <MyReferralsView
        query={{ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }}
        hrefForPage={(target) => `${paths.referrals.mine}${withPage(params, target)}`}
      />
    </>
  );
}
