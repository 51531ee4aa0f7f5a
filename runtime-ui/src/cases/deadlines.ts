/**
 * Deadlines of inquiries are instants on the server; the caseworker picks a day ("svara senast 5 december"), which
 * means the end of that day in Swedish time, whatever the browser's own time zone.
 */
const ZONE = 'Europe/Stockholm';

/** The offset of Swedish time on a day, as "+01:00" or "+02:00". */
function swedishOffset(day: string): string {
  const probe = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(probe)
    .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT+01:00';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}

/** 23:59 Swedish time of a day ("2026-12-05") as an ISO instant. */
export function endOfSwedishDay(day: string): string {
  return new Date(`${day}T23:59:00${swedishOffset(day)}`).toISOString();
}

/** The Swedish calendar day of an instant ("2026-12-05"). */
export function swedishDay(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  // sv-SE writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** A day some days after another ("2026-12-05" + 3 → "2026-12-08"). */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}
