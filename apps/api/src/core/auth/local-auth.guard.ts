import { type ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { invalidInput } from '../errors/validation.js';
import { assertStorableInput } from '../http/storable-input.js';
import { LoginDto } from './dto/auth.dto.js';

/** Validates the log-in body first (field-level 400s), then runs the local strategy. */
@Injectable()
export class LocalAuthGuard extends AuthGuard('local') {
  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<{ body: unknown }>();
    assertStorableInput(req.body);
    const dto = plainToInstance(LoginDto, req.body ?? {});
    const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
    if (errors.length) throw invalidInput(errors);
    // The strategy reads one field: what was typed as `login`, or the legacy `email`.
    (req.body as { login?: string }).login = dto.login ?? dto.email;
    return (await super.canActivate(context)) as boolean;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err) throw err;
    return user;
  }
}
