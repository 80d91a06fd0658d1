import { z } from 'zod';
import { Id, IsoDate } from './common';

/** A figure on a home page; `href` only where a page for it exists. */
export const HomeFigure = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().int(),
  hint: z.string().nullable(),
});
export type HomeFigure = z.infer<typeof HomeFigure>;

export const UpcomingMeeting = z.object({
  id: Id,
  areaName: z.string(),
  date: IsoDate,
  startTime: z.string(),
  status: z.string(),
  cases: z.number().int(),
});

/** The role's own home page: real counts from the database, scoped to what the user may see. */
export const HomeSummary = z.object({
  role: z.string(),
  figures: z.array(HomeFigure),
  upcomingMeetings: z.array(UpcomingMeeting),
});
export type HomeSummary = z.infer<typeof HomeSummary>;
