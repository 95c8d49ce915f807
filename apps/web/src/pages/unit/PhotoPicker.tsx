// Photos straight from the phone's camera (capture="environment"), or from the gallery.
import { CameraOutlined, CloseCircleFilled } from '@ant-design/icons';
import { App, Button, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { PHOTO_ACCEPT, splitPhotos } from '../../lib/photo-files.js';

export const MAX_PHOTOS = 9;

export function PhotoPicker({ value, onChange }: { value: File[]; onChange: (files: File[]) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const urls = useMemo(() => value.map((f) => URL.createObjectURL(f)), [value]);
  useEffect(
    () => () => {
      for (const u of urls) URL.revokeObjectURL(u);
    },
    [urls],
  );
  return (
    <div>
      <input
        ref={input}
        type="file"
        accept={PHOTO_ACCEPT}
        capture="environment"
        multiple
        style={{ display: 'none' }}
        data-testid="photo-input"
        onChange={async (e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = '';
          const { accepted, refused } = await splitPhotos(picked);
          if (refused.length) message.error(t('event.photoWrongType', { names: refused.join('、') }));
          onChange([...value, ...accepted].slice(0, MAX_PHOTOS));
        }}
      />
      <Space wrap size={8}>
        {urls.map((u, i) => (
          <div key={u} style={{ position: 'relative', width: 80, height: 80 }}>
            <img
              src={u}
              alt={value[i]?.name}
              style={{ width: 80, height: 80, objectFit: 'cover', borderRadius: 8, border: '1px solid #eee' }}
            />
            <button
              type="button"
              aria-label={t('common.remove')}
              onClick={() => onChange(value.filter((_, j) => j !== i))}
              style={{
                position: 'absolute',
                top: -8,
                right: -8,
                border: 'none',
                background: 'none',
                padding: 0,
                cursor: 'pointer',
                fontSize: 20,
                color: '#595959',
              }}
            >
              <CloseCircleFilled />
            </button>
          </div>
        ))}
        {value.length < MAX_PHOTOS && (
          <Button
            icon={<CameraOutlined />}
            onClick={() => input.current?.click()}
            style={{ width: 80, height: 80, flexDirection: 'column' }}
            data-testid="add-photo"
          >
            <span style={{ fontSize: 12 }}>{t('event.addPhoto')}</span>
          </Button>
        )}
      </Space>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 4, marginBottom: 0 }}>
        {t('event.photoHint', { max: MAX_PHOTOS })}
      </Typography.Paragraph>
    </div>
  );
}
