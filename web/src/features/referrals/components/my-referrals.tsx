import type { MyReferral, MyReferralDraft, MyReferralsQuery } from '@marac/shared';
import { useState } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/ui/loading';
import { NotificationBanner } from '../../../components/ui/notification-banner';
import { Pagination, ResultCount } from '../../../components/ui/pagination';
import { QueryProblem } from '../../../components/ui/query-problem';
import { ReferralStatusTag } from '../../../components/ui/referral-status-tag';
import { TableHead } from '../../../components/ui/table-head';
import { paths } from '../../../config/paths';
import { formatDate, formatTimestamp } from '../../../lib/format';
import { useMyReferrals } from '../api/get-my-referrals';
import { DraftDeleteConfirmation } from './draft-delete-confirmation';

interface MyReferralsProps {
  query: MyReferralsQuery;
  hrefForPage: (page: number) => string;
}

const deleteButtonId = (draft: MyReferralDraft) => `draft-delete-${draft.id}`;

/** The referrer's drafts, then the referrals they have made with where each has got to. */
export function MyReferralsView({ query, hrefForPage }: MyReferralsProps) {
  const mine = useMyReferrals(query);
  const [deleting, setDeleting] = useState<MyReferralDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (mine.isPending) return <Loading label="Loading your referrals…" />;
  if (mine.isError) return <QueryProblem error={mine.error} subject="your referrals" />;
  const { items, total, limit, offset, drafts, draftTotal } = mine.data;

  const cancel = () => {
    const trigger = deleting ? document.getElementById(deleteButtonId(deleting)) : null;
    setDeleting(null);
    trigger?.focus();
  };

  return (
    <>
      {notice ? <NotificationBanner type="success">{notice}</NotificationBanner> : null}
      <h2 className="govuk-heading-m">Drafts</h2>
      {deleting ? (
        <DraftDeleteConfirmation
          draft={deleting}
          onDone={() => {
            setDeleting(null);
            setNotice('The draft has been deleted');
          }}
          onCancel={cancel}
        />
      ) : null}
      {drafts.length === 0 ? (
        <p className="govuk-body">You have no draft referrals.</p>
      ) : (
        <DraftsTable
          drafts={drafts}
          draftTotal={draftTotal}
          onDelete={(draft) => {
            setNotice(null);
            setDeleting(draft);
          }}
        />
      )}

      <h2 className="govuk-heading-m">Referrals you have made</h2>
      {items.length === 0 ? (
        <p className="govuk-body">{offset > 0 ? 'There are no more referrals.' : 'You have not made any referrals yet.'}</p>
      ) : (
        <>
          <ResultCount total={total} limit={limit} offset={offset} noun="referrals" singular="referral" />
          <ReferralsTable items={items} />
          <Pagination total={total} limit={limit} offset={offset} hrefFor={hrefForPage} noun="referrals" />
        </>
      )}
    </>
  );
}

function DraftsTable({ drafts, draftTotal, onDelete }: { drafts: MyReferralDraft[]; draftTotal: number; onDelete: (draft: MyReferralDraft) => void }) {
  return (
    <>
      {draftTotal > drafts.length ? (
        <p className="govuk-body">
          Showing the {drafts.length} most recently saved of your {draftTotal} drafts.
        </p>
      ) : null}
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">Draft referrals</caption>
        <TableHead columns={['Started', 'Last saved', { label: 'Actions', hidden: true }]} />
        <tbody className="govuk-table__body">
          {drafts.map((draft) => {
            const name = `draft last saved ${formatTimestamp(draft.updatedAt)}`;
            return (
              <tr className="govuk-table__row" key={draft.id}>
                <td className="govuk-table__cell">{formatTimestamp(draft.createdAt)}</td>
                <td className="govuk-table__cell">{formatTimestamp(draft.updatedAt)}</td>
                <td className="govuk-table__cell app-table__actions">
                  <Link className="govuk-link" to={paths.referrals.draft(draft.id)}>
                    Continue <span className="govuk-visually-hidden">{name}</span>
                  </Link>
                  <button type="button" id={deleteButtonId(draft)} className="app-link-button" onClick={() => onDelete(draft)}>
                    Delete <span className="govuk-visually-hidden">{name}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function ReferralsTable({ items }: { items: MyReferral[] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-visually-hidden">Referrals you have made</caption>
      <TableHead columns={['Reference', 'Victim', 'Referral date', 'Area', 'Status']} />
      <tbody className="govuk-table__body">
        {items.map((referral) => (
          <tr className="govuk-table__row" key={referral.id}>
            <td className="govuk-table__cell">
              <Link className="govuk-link" to={paths.referrals.detail(referral.id)}>
                {referral.reference}
              </Link>
            </td>
            <td className="govuk-table__cell">{referral.victimName}</td>
            <td className="govuk-table__cell">{formatDate(referral.referralDate)}</td>
            <td className="govuk-table__cell">{referral.areaName ?? 'Not yet assigned'}</td>
            <td className="govuk-table__cell">
              <ReferralStatusTag status={referral.status}>{referral.statusLabel}</ReferralStatusTag>
              {referral.reason ? (
                <p className="govuk-body-s govuk-!-margin-top-2 govuk-!-margin-bottom-1">
                  <span className="govuk-visually-hidden">Reason: </span>
                  {referral.reason}
                </p>
              ) : null}
              {referral.status === 'more_information_requested' ? (
                <Link className="govuk-link govuk-body-s" to={paths.referrals.resubmit(referral.id)}>
                  Provide more information <span className="govuk-visually-hidden">for {referral.reference}</span>
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
