import { useId, type ReactNode } from 'react';
import { cx } from './class-names';

interface NotificationBannerProps {
  type?: 'important' | 'success';
  title?: string;
  /** The banner's heading: one sentence saying what happened. */
  children: ReactNode;
  /** Paragraphs or lists under the heading, for what one sentence cannot say. */
  details?: ReactNode;
}

/** GOV.UK notification banner; a success banner is an alert so the outcome of an action is announced. */
export function NotificationBanner({ type = 'important', title, children, details }: NotificationBannerProps) {
  const titleId = useId();
  const success = type === 'success';
  return (
    <div
      className={cx('govuk-notification-banner', success && 'govuk-notification-banner--success')}
      role={success ? 'alert' : 'region'}
      aria-labelledby={titleId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title ?? (success ? 'Success' : 'Important')}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">{children}</p>
        {details}
      </div>
    </div>
  );
}
