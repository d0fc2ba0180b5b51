/**
 * Routes in the URL's hash, so the same build works from a file (desktop) and from the headless
 * studio's server. Pages load on demand, so the first paint needs only the shell.
 */
import { createHashRouter } from 'react-router-dom';
import { Loading } from '../components/PageState';
import { AppShell } from './AppShell';
import { NotFoundPage } from './NotFoundPage';

export const router = createHashRouter([
  {
    path: '/',
    element: <AppShell />,
    hydrateFallbackElement: <Loading />,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (await import('../features/dashboard/DashboardPage')).DashboardPage,
        }),
      },
      {
        path: 'cassettes',
        lazy: async () => ({
          Component: (await import('../features/library/LibraryPage')).LibraryPage,
        }),
      },
      {
        path: 'cassettes/:name',
        lazy: async () => ({
          Component: (await import('../features/cassette/CassettePage')).CassettePage,
        }),
      },
      {
        path: 'templates',
        lazy: async () => ({
          Component: (await import('../features/templates/TemplateStudioPage')).TemplateStudioPage,
        }),
      },
      {
        path: 'traffic',
        lazy: async () => ({
          Component: (await import('../features/traffic/TrafficPage')).TrafficPage,
        }),
      },
      {
        path: 'proxy',
        lazy: async () => ({
          Component: (await import('../features/proxy/ProxyPage')).ProxyPage,
        }),
      },
      {
        path: 'playground',
        lazy: async () => ({
          Component: (await import('../features/playground/PlaygroundPage')).PlaygroundPage,
        }),
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
