import { Card, Col, Empty, Row, Skeleton, Statistic } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStats } from '../../api/queries.js';
import type { CampaignView, StatsView } from '../../api/types.js';
import { EChart, type EChartOption } from '../../components/EChart.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { eachDay, formatDay } from '../../lib/dates.js';
import { formatNumber } from '../../lib/numbers.js';

const RED = '#c62828';
const textStyle = { fontFamily: "'Noto Sans SC Variable', 'PingFang SC', 'Microsoft YaHei', sans-serif" };

export function chartOptions(stats: StatsView, campaign: CampaignView | undefined, t: TFunction, lang: string) {
  const byType = [...stats.byType].sort((a, b) => b.count - a.count);
  const days =
    campaign?.startsOn && campaign.endsOn ? eachDay(campaign.startsOn, campaign.endsOn) : stats.byDay.map((d) => d.day);
  const perDay = new Map(stats.byDay.map((d) => [d.day, d.count]));
  const byUnit = [...stats.byUnit]
    .sort((a, b) => b.count - a.count)
    .slice(0, 20)
    .reverse();
  const type: EChartOption = {
    textStyle,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: byType.map((x) => t(`eventType.${x.type}`)).reverse() },
    series: [
      {
        type: 'bar',
        barMaxWidth: 26,
        data: byType.map((x) => x.count).reverse(),
        itemStyle: { color: RED },
        label: { show: true, position: 'right' },
      },
    ],
  };
  const day: EChartOption = {
    textStyle,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => formatDay(d, lang)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'bar', barMaxWidth: 18, data: days.map((d) => perDay.get(d) ?? 0), itemStyle: { color: '#e57373' } },
    ],
  };
  const unit: EChartOption = {
    textStyle,
    tooltip: { trigger: 'axis' },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: byUnit.map((u) => u.name), axisLabel: { width: 140, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: byUnit.map((u) => u.count),
        itemStyle: { color: '#8d6e63' },
        label: { show: true, position: 'right' },
      },
    ],
  };
  return {
    type,
    day,
    unit,
    typeHeight: Math.max(220, byType.length * 30 + 40),
    unitHeight: Math.max(220, byUnit.length * 28 + 40),
  };
}

export function StatsCharts({
  campaign,
  orgId,
  showUnits = true,
}: {
  campaign: CampaignView | undefined;
  orgId?: string;
  showUnits?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const stats = useStats(campaign?.id, orgId);
  const options = useMemo(
    () => (stats.data ? chartOptions(stats.data, campaign, t, i18n.language) : null),
    [stats.data, campaign, t, i18n.language],
  );
  if (stats.isLoading) return <Skeleton active />;
  if (stats.error) return <ErrorAlert error={stats.error} />;
  if (!stats.data || !options) return null;
  const s = stats.data;
  return (
    <div data-testid="stats">
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={t('stats.events')} value={s.eventCount} />
          </Card>
        </Col>
        {s.metrics.map((m) => (
          <Col xs={12} md={6} key={m.key}>
            <Card size="small">
              <Statistic
                title={m.label || t(`metric.${m.key}`, { defaultValue: m.key })}
                value={formatNumber(m.value)}
                suffix={m.unit}
              />
            </Card>
          </Col>
        ))}
      </Row>
      {s.eventCount === 0 ? (
        <Card>
          <Empty description={t('stats.empty')} />
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card title={t('stats.byType')} size="small">
              <EChart option={options.type} height={options.typeHeight} ariaLabel={t('stats.byType')} />
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card title={t('stats.byDay')} size="small">
              <EChart option={options.day} height={options.typeHeight} ariaLabel={t('stats.byDay')} />
            </Card>
          </Col>
          {showUnits && s.byUnit.length > 1 && (
            <Col xs={24}>
              <Card title={t('stats.byUnit')} size="small">
                <EChart option={options.unit} height={options.unitHeight} ariaLabel={t('stats.byUnit')} />
              </Card>
            </Col>
          )}
        </Row>
      )}
    </div>
  );
}
