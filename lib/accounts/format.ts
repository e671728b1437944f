/** A Telnyx decimal string with its currency, e.g. "120.50 USD". */
export function formatMoney(amount: string | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === "") return "—";
  return currency ? `${amount} ${currency}` : amount;
}
