import { DeleteOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Popconfirm, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchApiMessage } from '../api/api-messages.js';
import { apiFetch } from '../api/client.js';
import { describeError } from '../api/errors.js';
import type { PhotoView } from '../api/types.js';
import { PHOTO_ACCEPT, splitPhotos } from '../lib/photo-files.js';

/** An image of the API (which checks the caller's scope on every photo) as an object URL for <img>. */
function useImage(path: string | undefined): string | null {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    if (!path) return;
    let url: string | null = null;
    let gone = false;
    apiFetch(path)
      .then((res) => res.blob())
      .then((blob) => {
        if (gone) return;
        url = URL.createObjectURL(blob);
        setSrc(url);
      })
      .catch(() => setSrc(null));
    return () => {
      gone = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path]);
  return src;
}

function Thumbnail({ photo, onOpen }: { photo: PhotoView; onOpen: () => void }) {
  const { t } = useTranslation();
  const src = useImage(photo.thumbnailUrl ?? photo.url);
  return (
    <button
      type="button"
      className="cm-photo-thumb"
      onClick={onOpen}
      aria-label={t('photos.open')}
      data-testid="photo-thumb"
    >
      {src ? <img src={src} alt="" /> : <span className="cm-photo-thumb-empty" />}
    </button>
  );
}

/**
 * The photo evidence of one event: thumbnails, the full image on a tap, the capture-day hint (a photo
 * taken on another day than the event's, shown, not enforced), and, while the ledger is open, adding
 * and removing photos. Read-only (`editable={false}`) for those who review the unit's ledger.
 */
export function EventPhotos({
  eventId,
  photos,
  editable,
}: {
  eventId: string;
  photos: PhotoView[];
  editable: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [open, setOpen] = useState<PhotoView | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const full = useImage(open?.url);
  const refresh = () => qc.invalidateQueries({ queryKey: ['events'] });

  const add = async (files: File[]) => {
    const { accepted, refused } = await splitPhotos(files);
    if (refused.length) message.error(t('event.photoWrongType', { names: refused.join('、') }));
    setBusy(true);
    try {
      for (const file of accepted) {
        const form = new FormData();
        form.append('file', file, file.name);
        await apiFetch(`/api/v1/events/${encodeURIComponent(eventId)}/photos`, { method: 'POST', body: form });
      }
      if (accepted.length) message.success(t('photos.added', { count: accepted.length }));
    } catch (err) {
      const reason = err instanceof Error ? matchApiMessage(err.message, t) : null;
      message.error(reason ?? describeError(err, t));
    } finally {
      setBusy(false);
      await refresh();
    }
  };

  const remove = async (photo: PhotoView) => {
    try {
      await apiFetch(`/api/v1/photos/${encodeURIComponent(photo.id)}`, { method: 'DELETE' });
      setOpen(null);
      message.success(t('photos.removed'));
      await refresh();
    } catch (err) {
      message.error(describeError(err, t));
    }
  };

  return (
    <div data-testid="event-photos" style={{ marginBottom: 16 }}>
      <Typography.Text strong>{t('photos.title', { count: photos.length })}</Typography.Text>
      <div className="cm-photo-grid">
        {photos.map((p) => (
          <div key={p.id}>
            <Thumbnail photo={p} onOpen={() => setOpen(p)} />
            {p.capturedOutsideEventDay && (
              <Tag color="warning" icon={<WarningOutlined />} data-testid="photo-day-hint">
                {t('photos.otherDay')}
              </Tag>
            )}
          </div>
        ))}
        {editable && (
          <Button
            className="cm-photo-add"
            icon={<PlusOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
            data-testid="photo-add"
          >
            {t('photos.add')}
          </Button>
        )}
      </div>
      {!photos.length && !editable && <Typography.Text type="secondary">{t('photos.none')}</Typography.Text>}
      {editable && (
        <input
          ref={input}
          type="file"
          accept={PHOTO_ACCEPT}
          multiple
          style={{ display: 'none' }}
          data-testid="photo-add-input"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) void add(files);
          }}
        />
      )}
      <Modal
        open={!!open}
        onCancel={() => setOpen(null)}
        title={
          open?.capturedAt
            ? t('photos.capturedAt', { at: new Date(open.capturedAt).toLocaleString() })
            : t('photos.photo')
        }
        footer={
          editable && open ? (
            <Space>
              <Popconfirm title={t('photos.removeConfirm')} onConfirm={() => remove(open)}>
                <Button danger icon={<DeleteOutlined />} data-testid="photo-remove">
                  {t('common.remove')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
        width={720}
      >
        {full ? (
          <img src={full} alt="" style={{ width: '100%' }} data-testid="photo-full" />
        ) : (
          <div style={{ height: 200 }} />
        )}
      </Modal>
    </div>
  );
}
