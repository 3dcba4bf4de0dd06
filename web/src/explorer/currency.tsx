import { createContext, useContext, useState, type ReactNode } from 'react';

/** Currencies offered for totals and conversions; the API answers null where no rate connects two. */
export const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'JPY', 'UAH', 'CAD', 'AUD', 'CNY', 'PLN'];

const STORAGE_KEY = 'newsgraph.currency';
const CurrencyContext = createContext<{ currency: string; setCurrency(value: string): void }>({ currency: 'EUR', setCurrency: () => undefined });

function stored(): string {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value && CURRENCIES.includes(value) ? value : 'EUR';
  } catch {
    return 'EUR';
  }
}

/** One chosen currency for the whole explorer, remembered across visits. */
export function CurrencyProvider({ children }: { children: ReactNode }) {
  const [currency, setState] = useState(stored);
  const setCurrency = (value: string) => {
    setState(value);
    try {
      localStorage.setItem(STORAGE_KEY, value);
    } catch {
      // private mode: the choice lasts for this page only
    }
  };
  return <CurrencyContext.Provider value={{ currency, setCurrency }}>{children}</CurrencyContext.Provider>;
}

export const useCurrency = () => useContext(CurrencyContext);

export function CurrencyPicker({ id }: { id: string }) {
  const { currency, setCurrency } = useCurrency();
  return (
    <label className="currency-picker" htmlFor={id}>
      Currency{' '}
      <select id={id} value={currency} onChange={(event) => setCurrency(event.target.value)}>
        {CURRENCIES.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
    </label>
  );
}
