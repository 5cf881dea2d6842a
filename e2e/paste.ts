// Pastes text into the terminal as the clipboard would (one paste, many lines).
import type { Page } from '@playwright/test';

/** Dispatches a paste of `text` on the command line. */
export async function paste(page: Page, text: string): Promise<void> {
  await page.getByTestId('terminal-input').focus();
  await page.evaluate((t) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', t);
    document
      .getElementById('term-input')!
      .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, text);
}
