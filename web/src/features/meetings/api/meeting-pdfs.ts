// PDFs are plain downloads: the browser sends the session cookie with a same-origin link, and the
// server audits each export. File names carry dates and references only, never a name.

export const agendaPdfUrl = (meetingId: string) => `/api/meetings/${encodeURIComponent(meetingId)}/agenda/pdf`;

export const packetPdfUrl = (meetingId: string, caseId: string) =>
  `/api/meetings/${encodeURIComponent(meetingId)}/packets/${encodeURIComponent(caseId)}/pdf`;
