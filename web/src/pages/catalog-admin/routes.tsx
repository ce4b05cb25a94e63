import { lazy } from 'react';
import type { RouteObject } from 'react-router-dom';

/** Admin routes of the catalog (scope catalog.edit): list, editor, import. */
const CatalogAdminPage = lazy(() => import('./CatalogAdminPage.tsx'));
const ItemEditorPage = lazy(() => import('./ItemEditorPage.tsx'));
const ImportPage = lazy(() => import('./ImportPage.tsx'));
const SearchMissesPage = lazy(() => import('./SearchMissesPage.tsx'));

export const catalogAdminRoutes: RouteObject[] = [
  { path: '/catalog-admin', element: <CatalogAdminPage /> },
  { path: '/catalog-admin/items/new', element: <ItemEditorPage /> },
  { path: '/catalog-admin/items/:code/edit', element: <ItemEditorPage /> },
  { path: '/catalog-admin/import', element: <ImportPage /> },
  { path: '/catalog-admin/search-misses', element: <SearchMissesPage /> },
];
