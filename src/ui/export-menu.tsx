import { useState } from 'react';
import { type AppState } from '../store/app-store.ts';
import { useStoreApi, useAppStore } from './app-context.ts';
import { documentExportFormats, exportFormats } from '../transcript/formats/registry.ts';
import type { DocumentExportFormat, ExportFormat, WriteOptions } from '../transcript/formats/format-spec.ts';
import { CAPTION_PRESETS } from '../transcript/writers/caption-cues.ts';
import { loadInlinePlayer } from '../embed/load-inline-player.ts';
import { podcastTranscriptTags } from '../transcript/writers/podcast-feed-snippet.ts';
import { useMenuButton } from './use-menu-button.ts';
import './persistence.css';

/*
 * The Export menu (a menu button, keys and focus from `useMenuButton`): text formats, Word,
 * feed tags, caption presets and word timestamps. The writers themselves live in
 * src/transcript/writers.
 */

/**
 * What follows the base name: `.srt`, or `.podcast.json` / `.verbatim.json` when
 * formats share an extension, so two JSON exports never get the same name.
 */
export function exportSuffix(format: ExportFormat, formats: readonly ExportFormat[]): string {
  const shared = formats.some((other) => other !== format && other.extension === format.extension);
  const stem = format.id.replace(new RegExp(`-${format.extension}$`, 'u'), '');
  // The format named after its extension keeps the plain suffix: `.html` beside `.podcast.html`.
  return shared && stem !== format.extension ? `.${stem}.${format.extension}` : `.${format.extension}`;
}

/** `interview.vtt` -> `interview`; `seed.verbatim.json` -> `seed` (so it exports as `seed.srt`, not `seed.verbatim.srt`). */
export function exportBaseName(transcriptName: string, formats: readonly ExportFormat[]): string {
  const name = transcriptName.replace(/^.*[/\\]/u, '');
  for (const format of formats) {
    const suffix = exportSuffix(format, formats);
    if (suffix.split('.').length > 2 && name.toLowerCase().endsWith(suffix) && name.length > suffix.length) return name.slice(0, -suffix.length);
  }
  const base = name.replace(/\.[^.]+$/u, '');
  return base || 'transcript';
}

export function exportFileName(transcriptName: string, format: ExportFormat, formats: readonly ExportFormat[]): string {
  return exportBaseName(transcriptName, formats) + exportSuffix(format, formats);
}

/** Hands the text (or a binary document) to the browser as a download. */
function download(text: string | Uint8Array<ArrayBuffer>, fileName: string, mimeType: string) {
  const url = URL.createObjectURL(new Blob([text], { type: typeof text === 'string' ? `${mimeType};charset=utf-8` : mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: some browsers start reading the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The audio as an exported page can reach it: a real URL, or the file's name beside the page. */
function audioForExport(state: AppState): string | undefined {
  if (state.audioUrl && !/^(blob|data):/iu.test(state.audioUrl)) return new URL(state.audioUrl, window.location.href).href;
  return state.audioName || undefined;
}

type Item =
  | { kind: 'format'; format: ExportFormat }
  | { kind: 'document'; format: DocumentExportFormat }
  | { kind: 'word-timestamps' }
  | { kind: 'feed-tags' }
  | { kind: 'captions'; preset: (typeof CAPTION_PRESETS)[number] };

/** What type-ahead matches an item by. */
function labelOf(item: Item): string {
  if (item.kind === 'format' || item.kind === 'document') return item.format.label;
  if (item.kind === 'captions') return item.preset.label;
  return item.kind === 'feed-tags' ? 'Podcast feed tags' : 'Inline word timestamps';
}

/** Feeds need absolute URLs: beside the audio when it has one, else a placeholder to edit. */
function feedBaseUrl(audioUrl: string | undefined): string {
  return audioUrl && /^https?:\/\//iu.test(audioUrl) ? audioUrl.replace(/[?#].*$/u, '').replace(/[^/]*$/u, '') : 'https://example.com/podcast/';
}

/**
 * Export: a menu button (WAI-ARIA menu button pattern) listing every writer in
 * the registry. Choosing one writes the current transcript, downloads it as
 * `<base>.<ext>` and marks the changes exported. Below the formats: inline word timestamps
 * and how WebVTT/SRT cut turns into cues (a radio group of caption presets).
 */
export function ExportMenu({ formats = exportFormats }: { formats?: readonly ExportFormat[] }) {
  const appStore = useStoreApi();
  const hasTranscript = useAppStore((state) => state.transcript.entries.length > 0);
  const [wordTimestamps, setWordTimestamps] = useState(false);
  const [captionPreset, setCaptionPreset] = useState(CAPTION_PRESETS[0]?.id ?? '');
  const items: Item[] = [
    ...formats.map((format): Item => ({ kind: 'format', format })),
    ...documentExportFormats.map((format): Item => ({ kind: 'document', format })),
    { kind: 'feed-tags' },
    ...CAPTION_PRESETS.map((preset): Item => ({ kind: 'captions', preset })),
    { kind: 'word-timestamps' },
  ];

  const exportAs = async (format: ExportFormat) => {
    menu.close();
    const state = appStore.getState();
    const fileName = exportFileName(state.transcriptName, format, formats);
    const audioUrl = audioForExport(state);
    const captions = CAPTION_PRESETS.find((preset) => preset.id === captionPreset)?.options ?? {};
    const options: WriteOptions = { wordTimestamps, captions, title: exportBaseName(state.transcriptName, formats), ...(audioUrl ? { audioUrl } : {}) };
    let text: string;
    try {
      // The interactive page inlines <verbatim-player>, fetched on first use.
      if (format.id === 'html') options.player = await loadInlinePlayer();
      text = format.write(state.transcript, options);
    } catch (error) {
      state.notify('error', `Could not export as ${format.label}: ${error instanceof Error ? error.message : String(error)}.`);
      return;
    }
    download(text, fileName, format.mimeType);
    state.markExported();
    state.notify('info', `Exported ${fileName} (${format.label}).`);
  };

  /** Word: its library loads on first use; speakers, [hh:mm:ss] per turn and low-confidence words marked. */
  const exportDocument = async (format: DocumentExportFormat) => {
    menu.close();
    const state = appStore.getState();
    const base = exportBaseName(state.transcriptName, formats);
    const fileName = `${base}.${format.extension}`;
    try {
      const bytes = await format.write(state.transcript, { title: base, timestamps: true, markLowConfidence: true });
      download(new Uint8Array(bytes), fileName, format.mimeType);
    } catch (error) {
      state.notify('error', `Could not export as ${format.label}: ${error instanceof Error ? error.message : String(error)}.`);
      return;
    }
    state.markExported();
    state.notify('info', `Exported ${fileName} (${format.label}).`);
  };

  const copyFeedTags = async () => {
    menu.close();
    const state = appStore.getState();
    const tags = podcastTranscriptTags({
      baseUrl: feedBaseUrl(audioForExport(state)),
      baseName: exportBaseName(state.transcriptName, formats),
      ...(state.transcript.language ? { language: state.transcript.language } : {}),
    });
    try {
      await navigator.clipboard.writeText(tags);
      state.notify('info', 'Copied the <podcast:transcript> tags for your feed item (check the URLs).');
    } catch {
      state.notify('info', `Feed tags (copy them into your feed item): ${tags}`);
    }
  };

  const activate = (item: Item) => {
    if (item.kind === 'format') void exportAs(item.format);
    else if (item.kind === 'document') void exportDocument(item.format);
    else if (item.kind === 'feed-tags') void copyFeedTags();
    else if (item.kind === 'captions') setCaptionPreset(item.preset.id);
    else setWordTimestamps((on) => !on);
  };

  const menu = useMenuButton({ labels: items.map(labelOf), choose: (index) => items[index] && activate(items[index]) });

  return (
    <div className="popover-anchor" ref={menu.anchorRef}>
      <button {...menu.buttonProps} type="button" className="button menu-button" disabled={!hasTranscript} onClick={menu.toggle} data-testid="export-button">
        Export
      </button>
      {menu.open ? (
        <ul {...menu.menuProps} className="popover menu">
          {items.map((item, index) => {
            const ref = menu.itemRef(index);
            if (item.kind === 'captions') {
              const checked = item.preset.id === captionPreset;
              return [
                index === items.findIndex((other) => other.kind === 'captions') ? <li key="caption-separator" role="separator" className="menu__separator" /> : null,
                <li
                  key={`captions-${item.preset.id}`}
                  ref={ref}
                  role="menuitemradio"
                  aria-checked={checked}
                  tabIndex={-1}
                  className="menu__item"
                  data-caption-preset={item.preset.id}
                  onClick={() => activate(item)}
                  onMouseEnter={() => menu.setActive(index)}
                >
                  <span className="menu__check" aria-hidden="true">
                    {checked ? '●' : ''}
                  </span>
                  <span className="menu__label">{item.preset.label}</span>
                </li>,
              ];
            }
            if (item.kind === 'document') {
              return (
                <li key={item.format.id} ref={ref} role="menuitem" tabIndex={-1} className="menu__item" data-document={item.format.id} onClick={() => activate(item)} onMouseEnter={() => menu.setActive(index)}>
                  <span className="menu__label">{item.format.label}</span>
                  <span className="menu__hint">.{item.format.extension}</span>
                </li>
              );
            }
            if (item.kind === 'feed-tags') {
              return (
                <li key="feed-tags" ref={ref} role="menuitem" tabIndex={-1} className="menu__item" onClick={() => activate(item)} onMouseEnter={() => menu.setActive(index)}>
                  <span className="menu__label">Podcast feed tags (copy)</span>
                  <span className="menu__hint">&lt;podcast:transcript&gt;</span>
                </li>
              );
            }
            if (item.kind === 'word-timestamps') {
              return [
                <li key="separator" role="separator" className="menu__separator" />,
                <li
                  key="word-timestamps"
                  ref={ref}
                  role="menuitemcheckbox"
                  aria-checked={wordTimestamps}
                  tabIndex={-1}
                  className="menu__item"
                  onClick={() => activate(item)}
                  onMouseEnter={() => menu.setActive(index)}
                >
                  <span className="menu__check" aria-hidden="true">
                    {wordTimestamps ? '✓' : ''}
                  </span>
                  <span className="menu__label">Inline word timestamps (WebVTT)</span>
                </li>,
              ];
            }
            return (
              <li
                key={item.format.id}
                ref={ref}
                role="menuitem"
                tabIndex={-1}
                className="menu__item"
                data-format={item.format.id}
                onClick={() => activate(item)}
                onMouseEnter={() => menu.setActive(index)}
              >
                <span className="menu__label">{item.format.label}</span>
                <span className="menu__hint">{exportSuffix(item.format, formats)}</span>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
