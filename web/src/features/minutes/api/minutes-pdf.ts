// The PDF is a plain download: the browser sends the session cookie with a same-origin link, the
// server marks every page with who it was made for (an agency gets only its own cases) and audits
// each export. The file name carries the meeting's date, never a name.
export const minutesPdfUrl = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/minutes/pdf`;
