import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../store/app-store.ts';
import { createTestServices, inApp } from '../../test/support/test-services.tsx';
import type { Transcript } from '../transcript/model.ts';
import { AlignBanner } from './align-banner.tsx';

const untimed = (text: string): Transcript => ({ speakers: [], entries: [{ kind: 'speech', speakerId: null, words: text.split(' ').map((word) => ({ text: word })) }] });
const GERMAN = untimed('Es hat mir so wollen behagen, mit Lachen die Wahrheit zu sagen. Das ist die ausführliche und recht merkwürdige Lebensbeschreibung eines Vaganten.');

function setUp(transcript: Transcript) {
  const store = createAppStore();
  store.getState().setSession({ transcript, transcriptName: 'text.txt', formatLabel: 'Plain text', audioName: 'a.mp3', audioUrl: 'blob:a' });
  const onAlign = vi.fn();
  render(<AlignBanner onAlign={onAlign} onCancel={() => undefined} />, { wrapper: inApp(createTestServices({ store })) });
  return { store, onAlign };
}

describe('AlignBanner', () => {
  it('waits for the text’s language before it offers to align, then aligns in it', async () => {
    const { onAlign } = setUp(GERMAN);
    expect(screen.getByTestId('align-language-note')).toHaveTextContent('detecting it from the text');
    expect(screen.getByTestId('align-start')).toHaveAttribute('aria-disabled', 'true');
    fireEvent.click(screen.getByTestId('align-start'));
    expect(onAlign).not.toHaveBeenCalled();
    await screen.findByText(/German \(detected from the text\)/u);
    fireEvent.click(screen.getByTestId('align-start'));
    expect(onAlign).toHaveBeenCalledWith({ language: 'de' });
  });

  it('forgets a language picked for one file when the next one opens', async () => {
    const { store, onAlign } = setUp(GERMAN);
    await screen.findByText(/German \(detected/u);
    fireEvent.change(screen.getByTestId('align-language'), { target: { value: 'fr' } });
    expect(screen.getByTestId('align-language-note')).toHaveTextContent('French (chosen)');
    act(() => store.getState().setSession({ transcript: GERMAN, transcriptName: 'other.txt', formatLabel: 'Plain text', audioName: 'b.mp3', audioUrl: 'blob:b' }));
    await screen.findByText(/German \(detected/u);
    fireEvent.click(screen.getByTestId('align-start'));
    expect(onAlign).toHaveBeenCalledWith({ language: 'de' });
  });
});
