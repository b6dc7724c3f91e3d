import type { RouteObject } from 'react-router';
import { SignInPage } from './SignInPage';

/** Routes outside the signed-in layout. */
export const authRoutes: RouteObject[] = [{ path: '/sign-in', element: <SignInPage /> }];
