import { ORGANIZATION_KINDS, type OrganizationKind } from '@campaign-month/contracts';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';

/** 单位类型 with its Chinese names (学校, 医院, 乡镇 …). */
export function UnitKindSelect(props: SelectProps<OrganizationKind>) {
  const { t } = useTranslation();
  return (
    <Select<OrganizationKind>
      showSearch={{ optionFilterProp: 'label' }}
      options={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
      {...props}
    />
  );
}
