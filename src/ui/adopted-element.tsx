import { useLayoutEffect, useRef } from 'react';

/**
 * Places an element made outside React (the waveform, which the app object owns)
 * into the page. Mounting twice or unmounting moves it; it is never recreated.
 */
export function AdoptedElement({ element, className }: { element: HTMLElement; className?: string }) {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    slot.current?.append(element);
    return () => element.remove();
  }, [element]);
  return <div ref={slot} className={className} />;
}
