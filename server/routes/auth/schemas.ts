import { Type } from 'typebox';
import { roles } from '../../auth/roles.ts';

export { ErrorBody } from '../plan/schemas.ts';

export const Rol = Type.Union([Type.Literal(roles[0]), Type.Literal(roles[1]), Type.Literal(roles[2]), Type.Literal(roles[3])], {
  description: 'admin, planificador, revisor o terreno',
});

export const LoginBody = Type.Object(
  {
    usuario: Type.String({ minLength: 1, maxLength: 40 }),
    clave: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const SessionUserBody = Type.Object({
  usuario: Type.String(),
  nombre: Type.String(),
  rol: Rol,
});

export const SessionBody = Type.Object({
  usuario: Type.Union([SessionUserBody, Type.Null()], { description: 'null para el público anónimo' }),
  csrf: Type.Union([Type.String(), Type.Null()], {
    description: 'Token a enviar en la cabecera X-CSRF-Token en cada escritura autenticada con la cookie de sesión',
  }),
});

export const PasswordChange = Type.Object(
  {
    clave_actual: Type.String({ minLength: 1, maxLength: 200 }),
    clave_nueva: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

export const PasswordChanged = Type.Object({
  tokens_revocados: Type.Integer({ minimum: 0, description: 'Cuántos tokens personales vigentes se revocaron con el cambio' }),
});

export const TokenRequest = Type.Object(
  {
    nombre: Type.String({ minLength: 1, maxLength: 80, description: 'Para reconocerlo, por ejemplo «QGIS oficina»' }),
    dias: Type.Optional(Type.Integer({ minimum: 1, maximum: 3650, description: 'Vigencia en días; sin valor no expira' })),
  },
  { additionalProperties: false },
);

export const TokenInfo = Type.Object({
  id: Type.Integer(),
  nombre: Type.String(),
  prefijo: Type.String(),
  creado_en: Type.String(),
  expira_en: Type.Union([Type.String(), Type.Null()]),
  ultimo_uso: Type.Union([Type.String(), Type.Null()]),
});

export const NewToken = Type.Object({
  token: Type.String({ description: 'Se muestra una sola vez; guárdelo en un lugar seguro' }),
  info: TokenInfo,
});

export const TokenParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
