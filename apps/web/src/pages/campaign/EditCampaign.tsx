import { EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keys, mutations } from '../../api/queries.js';
import type { CampaignView } from '../../api/types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useFormSubmit } from '../../components/useFormSubmit.js';
import { NoticeFields } from '../wizard/NoticeFields.js';

interface NoticeForm {
  title: string;
  directiveTitle?: string;
  directiveNumber?: string;
  purpose?: string;
  goals?: string;
}

const orNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** The organizer corrects the month's name and its notice after creating it (the summary quotes them). */
export function EditCampaign({ campaign }: { campaign: CampaignView }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [form] = Form.useForm<NoticeForm>();
  const { busy, error, setError, run } = useFormSubmit(form);
  const [open, setOpen] = useState(false);

  const show = () => {
    setError(null);
    setOpen(true);
  };
  // The dialog's form is mounted only while it is open, with the campaign as it is now.
  const initial: NoticeForm = {
    title: campaign.title,
    directiveTitle: campaign.directiveTitle ?? undefined,
    directiveNumber: campaign.directiveNumber ?? undefined,
    purpose: campaign.purpose ?? undefined,
    goals: campaign.goals ?? undefined,
  };

  const save = async (v: NoticeForm) => {
    await run(async () => {
      await mutations.updateCampaign(campaign.id, {
        title: v.title.trim(),
        directiveTitle: orNull(v.directiveTitle),
        directiveNumber: orNull(v.directiveNumber),
        purpose: orNull(v.purpose),
        goals: orNull(v.goals),
      });
      message.success(t('campaignEdit.saved'));
      setOpen(false);
      await qc.invalidateQueries({ queryKey: keys.campaign(campaign.id) });
      await qc.invalidateQueries({ queryKey: keys.campaigns });
    });
  };

  return (
    <>
      <Button icon={<EditOutlined />} onClick={show} data-testid="edit-campaign">
        {t('campaignEdit.open')}
      </Button>
      <Modal
        open={open}
        title={t('campaignEdit.open')}
        onCancel={() => setOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.save')}
        confirmLoading={busy}
        width={720}
        destroyOnHidden
      >
        <ErrorAlert error={error} fieldsShown />
        <Form form={form} layout="vertical" initialValues={initial} onFinish={save} data-testid="edit-campaign-form">
          <Form.Item
            name="title"
            label={t('wizard.field.title')}
            rules={[{ required: true, whitespace: true, message: t('fieldError.required') }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <NoticeFields />
        </Form>
      </Modal>
    </>
  );
}
