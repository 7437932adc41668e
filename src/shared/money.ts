/** Vietnamese grouping (a dot every three digits), whatever the user's language: prices are VND. */
const vndDigits = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });

/** Money is integer VND, written `1.250.000 ₫` everywhere: orders, the timeline, reports. */
export function formatVnd(amount: number): string {
  // `|| 0`: a rounded -0.4 would read "-0 ₫".
  return `${vndDigits.format(Math.round(amount) || 0)} ₫`;
}
