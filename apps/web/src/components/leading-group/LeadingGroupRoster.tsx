import { Card, Col, Descriptions, type DescriptionsProps, Empty, Row, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LeadingGroupMemberView } from '../../api/types.js';
import { inReadingOrder } from './roster.js';

const ROLE_COLOR = { LEADER: 'red', DEPUTY: 'orange', MEMBER: 'default' } as const;

/** A leading group to read: a card per member, the 组长 first; phones get a tel: link. */
export function LeadingGroupRoster({ members }: { members: LeadingGroupMemberView[] }) {
  const { t } = useTranslation();
  if (!members.length) return <Empty description={t('group.empty')} data-testid="group-empty" />;
  return (
    <Row gutter={[12, 12]} data-testid="group-roster">
      {inReadingOrder(members).map((m, i) => {
        const items: DescriptionsProps['items'] = [
          m.title && { key: 'title', label: t('group.field.title'), children: m.title },
          m.department && { key: 'department', label: t('group.field.department'), children: m.department },
          m.duty && { key: 'duty', label: t('group.field.duty'), children: m.duty },
          m.phone && {
            key: 'phone',
            label: t('group.field.phone'),
            children: <a href={`tel:${m.phone.replace(/[^0-9+]/g, '')}`}>{m.phone}</a>,
          },
        ].filter((x) => !!x);
        return (
          <Col key={m.id ?? i} xs={24} md={12} xl={8}>
            <Card
              size="small"
              data-testid="group-roster-member"
              title={<span data-testid="group-roster-name">{m.name}</span>}
              extra={<Tag color={ROLE_COLOR[m.role]}>{t(`groupRole.${m.role}`)}</Tag>}
              style={{ height: '100%' }}
            >
              {items.length > 0 && <Descriptions size="small" column={1} items={items} />}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
