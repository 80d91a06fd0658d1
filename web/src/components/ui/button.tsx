import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { cx } from './class-names';

type Variant = 'primary' | 'secondary' | 'warning';

const variantClass = (variant: Variant) => (variant === 'primary' ? null : `govuk-button--${variant}`);

interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  variant?: Variant;
}

export function Button({ variant = 'primary', type = 'button', ...button }: ButtonProps) {
  return <button type={type} className={cx('govuk-button', variantClass(variant))} data-module="govuk-button" {...button} />;
}

/** A link that looks like a button, for actions that open another page ("Add a user"). */
export function ButtonLink({ variant = 'primary', ...link }: Omit<LinkProps, 'className'> & { variant?: Variant }) {
  return <Link className={cx('govuk-button', variantClass(variant))} draggable={false} {...link} />;
}

export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>;
}
