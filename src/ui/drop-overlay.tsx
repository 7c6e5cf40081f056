import { useEffect, useState } from 'react';

/**
 * File System Access handles for the dropped files, in the files' order (Chromium):
 * they let a reload reopen the file itself. Must be asked for during the drop event.
 */
function fileHandles(transfer: DataTransfer | null): Promise<readonly (FileSystemHandle | null)[]> | undefined {
  const items = Array.from(transfer?.items ?? []).filter((item) => item.kind === 'file');
  const withHandles = items as (DataTransferItem & { getAsFileSystemHandle?(): Promise<FileSystemHandle | null> })[];
  if (!withHandles.every((item) => typeof item.getAsFileSystemHandle === 'function')) return undefined;
  return Promise.all(withHandles.map((item) => item.getAsFileSystemHandle!().catch(() => null)));
}

/**
 * Accepts files dropped anywhere on the window and shows a hint while dragging.
 * Only drags that carry files are taken, so dragging text around still works.
 */
export function DropOverlay({ onFiles }: { onFiles: (files: File[], handles?: Promise<readonly (FileSystemHandle | null)[]>) => void }) {
  const [dragging, setDragging] = useState(false);

  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');
    const onEnter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      onFiles(Array.from(event.dataTransfer?.files ?? []), fileHandles(event.dataTransfer));
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, [onFiles]);

  if (!dragging) return null;
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__card">Drop an audio file and/or a transcript to open them</div>
    </div>
  );
}
