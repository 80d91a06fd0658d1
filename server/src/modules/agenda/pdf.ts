/**
 * PDFs of agendas and research packets. Every page carries the protective marking, who it was made
 * for and when, across the page and in the footer, so a printed or forwarded copy says where it came
 * from.
 */

import { PDFDocument, StandardFonts, degrees, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { FLAG_LABELS, PERSON_ROLE_LABELS, longDate, type Minutes, type ResearchPacket } from '@marac/shared';

export interface Recipient {
  name: string;
  agencyName: string | null;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 56;
const MARKING = 'OFFICIAL-SENSITIVE';

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** The standard fonts cover Western European text; anything else is shown as "?" rather than failing. */
function printable(font: PDFFont, text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    try {
      font.encodeText(ch);
      out += ch;
    } catch {
      out += '?';
    }
  }
  return out;
}

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of printable(font, text).split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

/** Writes flowing text, starting new pages as needed; every page gets the marking when finished. */
class Writer {
  private page: PDFPage;
  private y: number;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
  ) {
    this.page = doc.addPage(A4);
    this.y = A4[1] - MARGIN - 24;
  }

  private room(height: number) {
    if (this.y - height < MARGIN + 24) {
      this.page = this.doc.addPage(A4);
      this.y = A4[1] - MARGIN - 24;
    }
  }

  text(text: string, options: { size?: number; bold?: boolean; gap?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    for (const line of wrap(font, text, size, A4[0] - 2 * MARGIN)) {
      this.room(size + 4);
      this.page.drawText(line, { x: MARGIN, y: this.y, size, font, color: rgb(0.05, 0.05, 0.05) });
      this.y -= size + 4;
    }
    this.y -= options.gap ?? 2;
  }

  space(points: number) {
    this.y -= points;
  }
}

async function finish(doc: PDFDocument, fonts: Fonts, recipient: Recipient, today: string, title: string): Promise<Uint8Array> {
  const who = recipient.agencyName ? `${recipient.name}, ${recipient.agencyName}` : recipient.name;
  const stamp = printable(fonts.regular, `${MARKING} · for ${who} · ${longDate(today)}`);
  const pages = doc.getPages();
  pages.forEach((page, index) => {
    const [width, height] = [page.getWidth(), page.getHeight()];
    page.drawText(MARKING, { x: MARGIN, y: height - MARGIN + 8, size: 11, font: fonts.bold, color: rgb(0.6, 0, 0) });
    page.drawText(stamp, { x: MARGIN, y: MARGIN - 24, size: 8, font: fonts.regular, color: rgb(0.3, 0.3, 0.3) });
    page.drawText(`Page ${index + 1} of ${pages.length}`, { x: width - MARGIN - 60, y: MARGIN - 24, size: 8, font: fonts.regular, color: rgb(0.3, 0.3, 0.3) });
    // Across the page, faint, so a photocopy still shows whose copy it was.
    page.drawText(stamp, { x: 70, y: 160, size: 16, font: fonts.bold, color: rgb(0.85, 0.85, 0.85), rotate: degrees(45), opacity: 0.5 });
  });
  doc.setTitle(title);
  doc.setSubject(MARKING);
  doc.setAuthor('MARAC platform');
  doc.setCreationDate(new Date(`${today}T12:00:00Z`));
  return doc.save();
}

async function start(): Promise<{ doc: PDFDocument; fonts: Fonts }> {
  const doc = await PDFDocument.create();
  return { doc, fonts: { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) } };
}

function writePacket(w: Writer, packet: ResearchPacket) {
  w.text(`Research packet: case ${packet.caseReference}`, { size: 16, bold: true, gap: 6 });
  w.text(`${packet.areaName} MARAC, ${longDate(packet.meetingDate)}${packet.slotStart ? ` at ${packet.slotStart}` : ''} (case ${packet.position} on the agenda)`);
  w.text(`Referred by ${packet.referringAgencyName}. Research due by ${longDate(packet.researchDeadline)}.`);
  w.text(`As sent with version ${packet.version} of the agenda on ${longDate(packet.publishedAt.slice(0, 10))}.`, { gap: 8 });
  if (packet.changes.length) {
    w.text('Changed since the version before', { size: 12, bold: true });
    for (const change of packet.changes) w.text(change);
    w.space(6);
  }
  w.text('Flags', { size: 12, bold: true });
  w.text(packet.flags.length ? packet.flags.map((f) => FLAG_LABELS[f.kind]).join('; ') : 'None', { gap: 8 });
  w.text('People to search for', { size: 12, bold: true });
  for (const person of packet.people) {
    w.text(`${PERSON_ROLE_LABELS[person.role]}: ${person.name}`, { bold: true });
    if (person.otherNames.length) w.text(`Also known as: ${person.otherNames.join(', ')}`);
    w.text(`Date of birth: ${person.datesOfBirth.length ? person.datesOfBirth.map(longDate).join(' or ') : 'not known'}`);
    w.text(`Address: ${person.address ?? 'not known'}`, person.otherAddresses.length ? {} : { gap: 6 });
    if (person.otherAddresses.length) w.text(`Other addresses: ${person.otherAddresses.join('; ')}`, { gap: 6 });
  }
  w.space(6);
  w.text('Share what your agency holds at the meeting, keeping facts and professional opinion apart. Do not pass this packet on.', { size: 9 });
}

export async function packetPdf(packet: ResearchPacket, recipient: Recipient, today: string): Promise<Uint8Array> {
  const { doc, fonts } = await start();
  writePacket(new Writer(doc, fonts), packet);
  return finish(doc, fonts, recipient, today, `MARAC research packet ${packet.caseReference}`);
}

export interface AgendaPdfCase {
  position: number;
  slotStart: string | null;
  caseReference: string;
  victimName: string;
  flags: string[];
}

export async function agendaPdf(
  meeting: { areaName: string; date: string; startTime: string; location: string | null; version: number },
  items: AgendaPdfCase[],
  recipient: Recipient,
  today: string,
): Promise<Uint8Array> {
  const { doc, fonts } = await start();
  const w = new Writer(doc, fonts);
  w.text(`${meeting.areaName} MARAC agenda`, { size: 16, bold: true, gap: 4 });
  w.text(`${longDate(meeting.date)} at ${meeting.startTime}${meeting.location ? `, ${meeting.location}` : ''}. Version ${meeting.version}.`, { gap: 10 });
  for (const item of items) {
    w.text(`${item.position}. ${item.slotStart ?? ''}  ${item.caseReference}  ${item.victimName}`, { bold: true });
    if (item.flags.length) w.text(`Flags: ${item.flags.join('; ')}`, { gap: 4 });
  }
  if (items.length === 0) w.text('No cases for you on this agenda.');
  return finish(doc, fonts, recipient, today, `${meeting.areaName} MARAC agenda ${meeting.date}`);
}

export async function minutesPdf(minutes: Minutes, recipient: Recipient, today: string): Promise<Uint8Array> {
  const { doc, fonts } = await start();
  const w = new Writer(doc, fonts);
  const c = minutes.content;
  w.text(`${c.areaName} MARAC minutes`, { size: 16, bold: true, gap: 4 });
  w.text(`${longDate(c.date)} at ${c.startTime}${c.location ? `, ${c.location}` : ''}. Minutes due by ${longDate(c.minutesDueDate)}.`);
  if (minutes.signedOffByName && minutes.signedOffAt) w.text(`Signed off by ${minutes.signedOffByName} on ${longDate(minutes.signedOffAt.slice(0, 10))}.`, { gap: 8 });
  w.text('Attendance', { size: 12, bold: true });
  for (const a of c.attendance) {
    const what = a.kind === 'apology' ? `apologies${a.informationSent ? ', information sent' : ''}` : a.kind === 'observer' ? 'observing' : 'attending';
    w.text(`${a.name}${a.agencyName ? `, ${a.agencyName}` : ''}: ${what}${a.signedAt ? '; confidentiality statement signed' : ''}`);
  }
  w.space(6);
  if (c.notes) w.text(c.notes, { gap: 8 });
  for (const item of c.cases) {
    w.space(6);
    w.text(`${item.position}. Case ${item.caseReference}: ${item.victimName}`, { size: 12, bold: true });
    if (item.flags.length) w.text(`Flags: ${item.flags.join('; ')}`);
    for (const s of item.shared) {
      w.text(`${s.agencyName}: ${s.knownToAgency === false ? 'not known to the agency' : ''}`, { bold: true });
      if (s.facts) w.text(`Facts: ${s.facts}`);
      if (s.opinion) w.text(`Professional opinion: ${s.opinion}`);
    }
    if (item.riskAnalysis) {
      const r = item.riskAnalysis;
      w.text(`Risk analysis. Harms: ${r.harms ?? '—'}. Contributing factors: ${r.contributingFactors ?? '—'}. Protective factors: ${r.protectiveFactors ?? '—'}.`);
    }
    for (const a of item.actions) w.text(`Action (${a.agencyName}${a.ownerName ? `, ${a.ownerName}` : ''}), due ${longDate(a.dueDate)}: ${a.description}`);
    if (item.outcome) w.text(`Outcome: ${item.outcome}`);
    if (item.summary) w.text(item.summary);
  }
  return finish(doc, fonts, recipient, today, `${c.areaName} MARAC minutes ${c.date}`);
}
