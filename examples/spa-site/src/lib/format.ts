export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

export const PRESSURE_LABEL: Record<string, string> = {
  light: 'Light pressure',
  medium: 'Medium pressure',
  firm: 'Firm pressure',
  deep: 'Deep pressure',
}
