import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAppStore, type AppStore } from '../store/app-store.ts';
import { createTestServices, inApp } from '../../test/support/test-services.tsx';
import { INFO_MS, Notices } from './notices.tsx';

let store: AppStore;
beforeEach(() => {
  vi.useFakeTimers();
  store = createAppStore();
});
afterEach(() => vi.useRealTimers());

const show = () => render(<Notices />, { wrapper: inApp(createTestServices({ store })) });

describe('Notices', () => {
  it('a confirmation is a polite status that fades; an error is an alert that stays until dismissed', () => {
    show();
    act(() => {
      store.getState().notify('error', 'talk.mp3 cannot be played.');
      store.getState().notify('info', 'Opened talk.vtt.');
    });
    expect(screen.getByRole('status')).toHaveTextContent('Opened talk.vtt.');
    expect(screen.getByRole('alert')).toHaveTextContent('talk.mp3 cannot be played.');
    const focused = document.activeElement;
    act(() => {
      vi.advanceTimersByTime(INFO_MS + 100);
    });
    expect(screen.queryByRole('status')).toBeNull();
    act(() => {
      vi.advanceTimersByTime(10 * INFO_MS);
    });
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(document.activeElement, 'no notice takes the focus').toBe(focused);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss message' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('a confirmation under the pointer or the keyboard stays until it is left', () => {
    show();
    act(() => void store.getState().notify('info', 'Opened talk.vtt.'));
    const status = screen.getByRole('status');
    fireEvent.pointerEnter(status);
    act(() => {
      vi.advanceTimersByTime(2 * INFO_MS);
    });
    expect(screen.getByRole('status')).toBeInTheDocument();
    fireEvent.pointerLeave(status);
    act(() => {
      vi.advanceTimersByTime(INFO_MS + 100);
    });
    expect(screen.queryByRole('status')).toBeNull();
  });
});
