import { onlineManager, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { isTransient } from './api/errors.js';
import { AuthProvider } from './auth/auth.js';
import { router } from './router.js';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      retry: (count, err) => isTransient(err) && count < 2,
      refetchOnWindowFocus: true,
    },
  },
});

// TanStack Query starts out assuming a network and learns otherwise only from an 'offline' event: a page
// opened without one would try every read, fail, and show nothing instead of pausing the reads.
if (typeof navigator !== 'undefined' && !navigator.onLine) onlineManager.setOnline(false);

const FIELD = {
  hoverBorderColor: '#8c8c8c',
  activeBorderColor: '#434343',
  activeShadow: '0 0 0 2px rgba(0, 0, 0, 0.06)',
};

export const theme = {
  token: {
    colorPrimary: '#c62828',
    colorLink: '#b71c1c',
    borderRadius: 8,
    fontFamily: "'Noto Sans SC Variable', 'PingFang SC', 'Microsoft YaHei', system-ui, sans-serif",
  },
  // Red is the brand, but a red input border reads as "wrong": fields hover and focus in neutral tones.
  components: {
    Input: FIELD,
    InputNumber: FIELD,
    DatePicker: FIELD,
    Select: {
      hoverBorderColor: FIELD.hoverBorderColor,
      activeBorderColor: FIELD.activeBorderColor,
      activeOutlineColor: 'rgba(0, 0, 0, 0.06)',
    },
  },
};

export function App() {
  const { i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  useEffect(() => {
    dayjs.locale(zh ? 'zh-cn' : 'en');
    document.documentElement.lang = zh ? 'zh-CN' : 'en';
    document.title = i18n.t('app.name');
  }, [zh, i18n]);
  return (
    <ConfigProvider locale={zh ? zhCN : enUS} theme={theme}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <RouterProvider router={router} />
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  );
}
