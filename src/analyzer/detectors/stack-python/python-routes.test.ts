import { describe, expect, it } from "vitest";
import type { Endpoint } from "../../report.js";
import { scanContextFrom } from "../../test-support/scan-context-from.js";
import type { FileMap } from "../../test-support/make-repo.js";
import { detectPythonStack } from "./index.js";

function routes(files: FileMap): string[] {
  return (detectPythonStack(scanContextFrom(files)).endpoints ?? []).map(
    (e: Endpoint) =>
      `${e.method} ${e.path} ${e.framework} ${e.file}:${e.line}${e.resolved ? "" : " unresolved"}`,
  );
}

describe("Python route extraction", () => {
  it("does not take requests/httpx client calls for endpoints", () => {
    expect(
      routes({
        "app/client.py": `import httpx
import requests

def load():
    requests.get("https://api.example.com/items", timeout=5)
    return httpx.post("/api/things", json={})
`,
      }),
    ).toEqual([]);
  });

  it("ignores routes defined in test modules and conftest", () => {
    expect(
      routes({
        "conftest.py": `from fastapi import FastAPI\napp = FastAPI()\n\n@app.get("/fake")\ndef fake():\n    return {}\n`,
        "tests/test_api.py": `from flask import Flask\napp = Flask(__name__)\n\n@app.route("/t")\ndef t():\n    return "x"\n`,
      }),
    ).toEqual([]);
  });

  it("reports a blueprint nobody registers with its own prefix, unresolved", () => {
    expect(
      routes({
        "app/orphan.py": `from flask import Blueprint\nbp = Blueprint("o", __name__, url_prefix="/orphan")\n\n@bp.get("/list")\ndef listing():\n    return {"items": []}\n`,
      }),
    ).toEqual(["GET /orphan/list flask app/orphan.py:4 unresolved"]);
  });

  it("resolves an f-string route made of module constants, and keeps any other unresolved", () => {
    expect(
      routes({
        "main.py": `from fastapi import FastAPI\nimport os\nVERSION = "v2"\nif os.environ.get("LEGACY"):\n    VERSION = "v1"\napp = FastAPI()\n\n@app.get(f"/{VERSION}/status")\ndef status():\n    return {}\n\n@app.get(f"/{os.environ['ROOT']}/health")\ndef health():\n    return {}\n\n@app.get(f"/{VERSION}/items/{{item_id}}")\ndef item(item_id: int):\n    return {}\n`,
      }),
    ).toEqual([
      `GET \${f"/{os.environ['ROOT']}/health"} fastapi main.py:12 unresolved`,
      "GET /v2/items/{item_id} fastapi main.py:16",
      "GET /v2/status fastapi main.py:8",
    ]);
  });

  it("resolves an include_router prefix that is an f-string of a name bound to another f-string", () => {
    expect(
      routes({
        "src/books.py": `from fastapi import APIRouter\nrouter = APIRouter()\n\n@router.get("/{uid}")\ndef book(uid: str):\n    return {}\n`,
        "src/main.py": `from fastapi import FastAPI\nfrom src.books import router\n\nversion = "v1"\napp = FastAPI(version=version)\nbase_url = f"/api/{version}"\napp.include_router(router, prefix=f"{base_url}/books")\n`,
      }),
    ).toEqual(["GET /api/v1/books/{uid} fastapi src/books.py:4"]);
  });

  it("follows include() of an imported URL module and a SimpleRouter without trailing slashes", () => {
    expect(
      routes({
        "site/urls.py": `from django.urls import include, path\nfrom shop import urls as shop_urls\n\nurlpatterns = [\n    path("shop/", include(shop_urls)),\n]\n`,
        "shop/urls.py": `from rest_framework.routers import SimpleRouter\nfrom .views import OrderViewSet\n\nrouter = SimpleRouter(trailing_slash=False)\nrouter.register("orders", OrderViewSet)\nurlpatterns = router.urls\n`,
        "shop/views.py": `from rest_framework import mixins, viewsets\n\nclass OrderViewSet(mixins.ListModelMixin, mixins.CreateModelMixin, viewsets.GenericViewSet):\n    def destroy(self, request, pk=None):\n        pass\n`,
      }),
    ).toEqual([
      "GET /shop/orders djangorestframework shop/urls.py:5",
      "POST /shop/orders djangorestframework shop/urls.py:5",
      "DELETE /shop/orders/{pk} djangorestframework shop/urls.py:5",
    ]);
  });

  it("reads DRF generic views and ViewSet.as_view action maps", () => {
    expect(
      routes({
        "urls.py": `from django.urls import path\nfrom api import views\n\nurlpatterns = [\n    path("notes/", views.NoteList.as_view()),\n    path("tags/", views.TagViewSet.as_view({"get": "list", "post": "create"})),\n]\n`,
        "api/views.py": `from rest_framework import generics, viewsets\n\nclass NoteList(generics.ListCreateAPIView):\n    pass\n\nclass TagViewSet(viewsets.ModelViewSet):\n    pass\n`,
      }),
    ).toEqual([
      "GET /notes/ djangorestframework urls.py:5",
      "POST /notes/ djangorestframework urls.py:5",
      "GET /tags/ djangorestframework urls.py:6",
      "POST /tags/ djangorestframework urls.py:6",
    ]);
  });
});

describe("Django route names", () => {
  const names = (files: FileMap) =>
    Object.fromEntries(detectPythonStack(scanContextFrom(files)).routeNames ?? []);

  it("names routes under the namespaces of app_name and include(namespace=…)", () => {
    expect(
      names({
        "site/settings.py": `ROOT_URLCONF = "site.urls"\n`,
        "site/urls.py": `from django.urls import include, path\n\nurlpatterns = [\n    path("blog/", include("blog.urls")),\n    path("shop/", include(("shop.urls", "store"))),\n    path("api/", include("api.urls", namespace="v1")),\n]\n`,
        "blog/urls.py": `from django.urls import path\nfrom . import views\n\napp_name = "blog"\nurlpatterns = [\n    path("<slug:slug>/", views.post_detail, name="post-detail"),\n]\n`,
        "blog/views.py": `def post_detail(request, slug):\n    pass\n`,
        "shop/urls.py": `from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path("cart/", views.cart, name="cart"),\n]\n`,
        "shop/views.py": `def cart(request):\n    pass\n`,
        "api/urls.py": `from django.urls import path\nfrom . import views\n\nurlpatterns = [\n    path("health/", views.health, name="health"),\n]\n`,
        "api/views.py": `def health(request):\n    pass\n`,
      }),
    ).toEqual({
      "blog:post-detail": "/blog/<slug:slug>/",
      "store:cart": "/shop/cart/",
      "v1:health": "/api/health/",
    });
  });

  it("names a DRF router's routes after the basename or the queryset's model, and actions by url_name", () => {
    expect(
      names({
        "urls.py": `from django.urls import include, path\nfrom rest_framework.routers import DefaultRouter\nfrom api.views import PostViewSet, TagViewSet\n\nrouter = DefaultRouter()\nrouter.register("posts", PostViewSet)\nrouter.register("tags", TagViewSet, basename="label")\nurlpatterns = [\n    path("api/", include(router.urls)),\n]\n`,
        "api/views.py": `from rest_framework import viewsets\nfrom rest_framework.decorators import action\nfrom .models import Post, Tag\n\nclass PostViewSet(viewsets.ModelViewSet):\n    queryset = Post.objects.all()\n\n    @action(detail=True, methods=["post"])\n    def set_featured(self, request, pk=None):\n        pass\n\n    @action(detail=False, url_path="top", url_name="best")\n    def top_posts(self, request):\n        pass\n\nclass TagViewSet(viewsets.ReadOnlyModelViewSet):\n    queryset = Tag.objects.all()\n`,
      }),
    ).toEqual({
      "post-list": "/api/posts/",
      "post-detail": "/api/posts/{pk}/",
      "post-set-featured": "/api/posts/{pk}/set_featured/",
      "post-best": "/api/posts/top/",
      "label-list": "/api/tags/",
      "label-detail": "/api/tags/{pk}/",
    });
  });

  it("reads a DRF action's url_path regex as the path it matches", () => {
    expect(
      names({
        "urls.py": `from django.urls import include, path\nfrom rest_framework.routers import DefaultRouter\nfrom api.views import PostViewSet\n\nrouter = DefaultRouter()\nrouter.register("posts", PostViewSet)\nurlpatterns = [\n    path("api/", include(router.urls)),\n]\n`,
        "api/views.py": `from rest_framework import viewsets\nfrom rest_framework.decorators import action\n\nclass PostViewSet(viewsets.ModelViewSet):\n    queryset = Post.objects.all()\n\n    @action(\n        detail=True,\n        methods=["delete"],\n        url_path=r"attachments/(?P<attachment_id>[^/.]+)",\n    )\n    def remove_attachment(self, request, pk=None, attachment_id=None):\n        pass\n`,
      }),
    ).toMatchObject({
      "post-remove-attachment": "/api/posts/{pk}/attachments/{attachment_id}/",
    });
  });
});

describe("Python route extraction, patterns seen in real projects", () => {
  it("follows include() of inline lists and of list variables in the same URLconf", () => {
    expect(
      routes({
        "config/settings.py": `ROOT_URLCONF = "config.urls"\n`,
        "config/urls.py": `from django.urls import include, path\nfrom shop.views import cart, checkout, health\n\nsub = [\n    path("checkout/", checkout),\n]\n\nurlpatterns = [\n    path("health/", health),\n    path(\n        "shop/",\n        include(\n            ([path("cart/", cart, name="cart"), path("pay/", include(sub))], "shop"),\n        ),\n    ),\n]\n`,
        "shop/views.py": `from django.views.decorators.http import require_POST\n\ndef cart(request):\n    pass\n\n@require_POST\ndef checkout(request):\n    pass\n\ndef health(request):\n    pass\n`,
      }),
    ).toEqual([
      "ANY /health/ django config/urls.py:9",
      "ANY /shop/cart/ django config/urls.py:13",
      "POST /shop/pay/checkout/ django config/urls.py:5",
    ]);
  });

  it("resolves a FastAPI prefix from a settings default declared once", () => {
    expect(
      routes({
        "app/core/config.py": `from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    API_V1_STR: str = "/api/v1"\n\nsettings = Settings()\n`,
        "app/main.py": `from fastapi import APIRouter, FastAPI\nfrom app.core.config import settings\n\nPREFIX = "/things"\nrouter = APIRouter(prefix=PREFIX)\n\n@router.get("/")\ndef things():\n    return []\n\napp = FastAPI()\napp.include_router(router, prefix=settings.API_V1_STR)\n`,
      }),
    ).toEqual(["GET /api/v1/things/ fastapi app/main.py:7"]);
  });

  it("puts the routes of a FastAPI app mounted into another under the mount path", () => {
    expect(
      routes({
        "src/shop/api.py": `from fastapi import APIRouter\n\napi_router = APIRouter()\norg_router = APIRouter(prefix="/{organization}")\n\n@org_router.get("/orders")\ndef orders():\n    return []\n\napi_router.include_router(org_router)\n`,
        "src/shop/main.py": `from fastapi import FastAPI\nfrom fastapi.staticfiles import StaticFiles\nfrom .api import api_router\n\napp = FastAPI()\nfrontend = FastAPI()\napi = FastAPI(title="shop")\napi.include_router(api_router)\n\n@api.get("/healthcheck")\ndef healthcheck():\n    return {"ok": True}\n\nfrontend.mount("/", StaticFiles(directory="dist"), name="app")\napp.mount("/api/v1", app=api)\napp.mount("/", app=frontend)\n`,
      }),
    ).toEqual([
      "GET /api/v1/healthcheck fastapi src/shop/main.py:10",
      "GET /api/v1/{organization}/orders fastapi src/shop/api.py:6",
    ]);
  });

  it("registers viewsets on the project's own subclass of a DRF router", () => {
    const found = detectPythonStack(
      scanContextFrom({
        "core/api/routers.py": `from rest_framework.routers import DefaultRouter\n\nclass BulkRouter(DefaultRouter):\n    pass\n\nclass InventoryRouter(BulkRouter):\n    pass\n`,
        "inventory/api/urls.py": `from core.api.routers import InventoryRouter\nfrom . import views\n\nrouter = InventoryRouter()\nrouter.register("sites", views.SiteViewSet)\nurlpatterns = router.urls\n`,
        "inventory/api/views.py": `from rest_framework.viewsets import ReadOnlyModelViewSet\n\nclass SiteViewSet(ReadOnlyModelViewSet):\n    queryset = Site.objects.all()\n`,
        "project/urls.py": `from django.urls import include, path\n\nurlpatterns = [path("api/inventory/", include("inventory.api.urls"))]\n`,
      }),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "GET /api/inventory/sites/ inventory/api/urls.py:5",
      "GET /api/inventory/sites/{pk}/ inventory/api/urls.py:5",
    ]);
  });

  it("counts views built on a DRF extension's base class as DRF JSON views", () => {
    const found = detectPythonStack(
      scanContextFrom({
        "urls.py": `from django.urls import path\nfrom accounts.apis import LoginApi\n\nurlpatterns = [path("login/", LoginApi.as_view())]\n`,
        "accounts/apis.py": `from rest_framework_simplejwt.views import TokenObtainPairView\n\nclass LoginApi(TokenObtainPairView):\n    def post(self, request):\n        return super().post(request)\n`,
      }),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.framework}`)).toEqual([
      "POST /login/ djangorestframework",
    ]);
    expect(found.signals?.rest_api).toEqual({
      value: true,
      evidence: [{ file: "accounts/apis.py", line: 3, note: "DRF view" }],
    });
  });

  it("reads Flask-RESTX namespaces kept in DTO classes, api.namespace() and Flask-RESTful add_resource", () => {
    const found = detectPythonStack(
      scanContextFrom({
        "app/__init__.py": `from flask import Flask\nfrom .api import api_bp\nfrom .legacy import legacy_api\n\ndef create_app():\n    app = Flask(__name__)\n    app.register_blueprint(api_bp, url_prefix="/api")\n    legacy_api.init_app(app)\n    return app\n`,
        "app/api/__init__.py": `from flask import Blueprint\nfrom flask_restx import Api\nfrom .notes.views import api as notes_ns\n\napi_bp = Blueprint("api", __name__)\napi = Api(api_bp, prefix="/v1", title="Notes")\napi.add_namespace(notes_ns)\napi.add_namespace(notes_ns, path="/archive")\nhealth = api.namespace("health", path="/status")\n\n@health.route("", "/ping")\nclass Health(Resource):\n    def get(self):\n        return {"ok": True}\n`,
        "app/api/notes/dto.py": `from flask_restx import Namespace, fields\n\nclass NoteDto:\n    api = Namespace("notes", description="Notes")\n    note = api.model("Note", {"text": fields.String})\n\nclass TagDto:\n    api = Namespace("tags")\n`,
        "app/api/notes/views.py": `from flask_restx import Resource\nfrom .dto import NoteDto\n\napi = NoteDto.api\n\n@api.route("/<int:note_id>")\n@api.doc(\n    "One note",\n    responses={404: "Not found"},\n)\nclass NoteItem(Resource):\n    def get(self, note_id):\n        return NoteService.get(note_id)\n\n    def delete(self, note_id):\n        return "", 204\n`,
        "app/legacy.py": `from flask_restful import Api, Resource\n\nlegacy_api = Api(prefix="/legacy")\n\nclass Todo(Resource):\n    def get(self, todo_id):\n        return load(todo_id)\n\n    def put(self, todo_id):\n        return save(todo_id)\n\nlegacy_api.add_resource(Todo, "/todos/<todo_id>", "/tasks/<todo_id>")\n`,
      }),
    );
    expect(found.endpoints?.map((e) => `${e.method} ${e.path} ${e.file}:${e.line}`)).toEqual([
      "DELETE /api/v1/archive/<int:note_id> app/api/notes/views.py:6",
      "GET /api/v1/archive/<int:note_id> app/api/notes/views.py:6",
      "DELETE /api/v1/notes/<int:note_id> app/api/notes/views.py:6",
      "GET /api/v1/notes/<int:note_id> app/api/notes/views.py:6",
      "GET /api/v1/status app/api/__init__.py:11",
      "GET /api/v1/status/ping app/api/__init__.py:11",
      "GET /legacy/tasks/<todo_id> app/legacy.py:12",
      "PUT /legacy/tasks/<todo_id> app/legacy.py:12",
      "GET /legacy/todos/<todo_id> app/legacy.py:12",
      "PUT /legacy/todos/<todo_id> app/legacy.py:12",
    ]);
    expect(found.signals?.rest_api?.evidence.slice(0, 2)).toEqual([
      { file: "app/api/__init__.py", line: 12, note: "REST resource class returns JSON" },
      { file: "app/api/notes/views.py", line: 11, note: "REST resource class returns JSON" },
    ]);
  });

  it("reads Flask-Smorest MethodView resources registered by a helper on the app it is given", () => {
    expect(
      routes({
        "shop/__init__.py": `from flask import Flask\nfrom flask_smorest import Api\nfrom .views import register_blueprints\n\napp = Flask(__name__)\napi = Api(app)\nregister_blueprints(api)\n`,
        "shop/views.py": `from flask.views import MethodView\nfrom flask_smorest import Blueprint\n\nblp = Blueprint("items", __name__, url_prefix="/items")\n\n\ndef register_blueprints(api):\n    api.register_blueprint(blp, url_prefix="/shop/items")\n\n\n@blp.route("/")\nclass Items(MethodView):\n    @blp.response(200, ItemSchema(many=True))\n    def get(self):\n        return Item.query.all()\n\n    def post(self, data):\n        return Item.create(data)\n\n\n@blp.route("/<int:item_id>")\nclass ItemById(Items):\n    def delete(self, item_id):\n        return None\n`,
      }),
    ).toEqual([
      "GET /shop/items/ flask shop/views.py:11",
      "POST /shop/items/ flask shop/views.py:11",
      "DELETE /shop/items/<int:item_id> flask shop/views.py:21",
      "GET /shop/items/<int:item_id> flask shop/views.py:21",
      "POST /shop/items/<int:item_id> flask shop/views.py:21",
    ]);
  });

  it("reads resources and routes that a helper registers on the Api or app it is given", () => {
    expect(
      routes({
        "app.py": `from flask import Flask\nfrom flask_restful import Api\nfrom routes.posts import register_post_routes\nfrom routes.pages import register_pages\n\napp = Flask(__name__)\napi = Api(app, prefix="/api")\nregister_post_routes(api)\nregister_pages(app)\n`,
        "routes/posts.py": `from flask_restful import Api\nfrom controllers.posts import PostList, PostDetail\n\n\ndef register_post_routes(api: Api):\n    api.add_resource(PostList, "/post", endpoint="post_all")\n    api.add_resource(\n        PostDetail, "/post/<int:post_id>", endpoint="post_detail"\n    )\n`,
        "controllers/posts.py": `from flask_restful import Resource\n\n\nclass PostList(Resource):\n    def get(self):\n        return []\n\n    def post(self):\n        return {}, 201\n\n\nclass PostDetail(Resource):\n    def get(self, post_id):\n        return {}\n\n    def delete(self, post_id):\n        return "", 204\n`,
        "routes/pages.py": `def register_pages(app):\n    @app.route("/about")\n    def about():\n        return {"name": "blog"}\n\n    app.add_url_rule("/ping", view_func=lambda: "pong")\n`,
      }),
    ).toEqual([
      "GET /about flask routes/pages.py:2",
      "GET /api/post flask routes/posts.py:6",
      "POST /api/post flask routes/posts.py:6",
      "DELETE /api/post/<int:post_id> flask routes/posts.py:7",
      "GET /api/post/<int:post_id> flask routes/posts.py:7",
      "GET /ping flask routes/pages.py:6",
    ]);
  });

  it("takes Api and Namespace for routers only in a project that uses a Flask REST extension", () => {
    expect(
      routes({
        "client.py": `from flask import Flask\nfrom vendor.sdk import Api\n\napp = Flask(__name__)\napi = Api(app)\n\n@api.route("/hooks")\nclass Hooks:\n    def post(self):\n        return {}\n`,
      }),
    ).toEqual([]);
  });

  it("gives library views routed as they are the methods they answer", () => {
    expect(
      routes({
        "project/urls.py": `from django.urls import path\nfrom drf_spectacular.views import SpectacularAPIView\nfrom rest_framework_simplejwt import views as jwt_views\nfrom accounts.views import TokenView\nfrom payments.views import StripeHook\n\nurlpatterns = [\n    path("schema/", SpectacularAPIView.as_view()),\n    path("token/", jwt_views.TokenObtainPairView.as_view()),\n    path("token/legacy/", TokenView.as_view()),\n    path("hooks/", StripeHook.as_view()),\n]\n`,
        "accounts/views.py": `from rest_framework.authtoken.views import ObtainAuthToken\n\nclass TokenView(ObtainAuthToken):\n    renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES\n`,
      }),
    ).toEqual([
      "ANY /hooks/ django project/urls.py:11",
      "GET /schema/ django project/urls.py:8",
      "POST /token/ djangorestframework project/urls.py:9",
      "POST /token/legacy/ djangorestframework project/urls.py:10",
    ]);
  });

  it("gives library function views (DRF's obtain_auth_token, djangorestframework-jwt's) their method", () => {
    expect(
      routes({
        "project/urls.py": `from django.conf.urls import url\nfrom rest_framework.authtoken.views import obtain_auth_token\nfrom rest_framework_jwt import views as jwt_views\nfrom rest_framework_jwt.views import refresh_jwt_token as refresh\nfrom accounts.views import whoami\n\nurlpatterns = [\n    url(r'^api-token/$', obtain_auth_token),\n    url(r'^jwt/$', jwt_views.obtain_jwt_token),\n    url(r'^jwt/refresh/$', refresh),\n    url(r'^me/$', whoami),\n]\n`,
      }),
    ).toEqual([
      "POST /api-token/ djangorestframework project/urls.py:8",
      "POST /jwt/ djangorestframework project/urls.py:9",
      "POST /jwt/refresh/ djangorestframework project/urls.py:10",
      "ANY /me/ django project/urls.py:11",
    ]);
  });

  it("shows regex routes as paths with <name> parameters, even where a group holds a slash", () => {
    const files = {
      "project/settings.py": `ROOT_URLCONF = "project.urls"\n`,
      "project/urls.py": `from django.conf.urls import include, url\n\nurlpatterns = [\n    url(r'^api/', include('notes.urls')),\n]\n`,
      "notes/urls.py": `from django.conf.urls import url\nfrom notes import views\n\nurlpatterns = [\n    url(r'^notes/?$', views.NoteList.as_view()),\n    url(r'^notes/(?P<pk>[^/]+)/$', views.NoteDetail.as_view()),\n]\n`,
      "notes/views.py": `from rest_framework import generics\n\nclass NoteList(generics.ListCreateAPIView):\n    pass\n\nclass NoteDetail(generics.RetrieveUpdateDestroyAPIView):\n    pass\n`,
    };
    expect(routes(files)).toEqual([
      "GET /api/notes/ djangorestframework notes/urls.py:5",
      "POST /api/notes/ djangorestframework notes/urls.py:5",
      "DELETE /api/notes/<pk>/ djangorestframework notes/urls.py:6",
      "GET /api/notes/<pk>/ djangorestframework notes/urls.py:6",
      "PATCH /api/notes/<pk>/ djangorestframework notes/urls.py:6",
      "PUT /api/notes/<pk>/ djangorestframework notes/urls.py:6",
    ]);
  });

  it("takes the project's own subclass of Flask for the app its routes hang on", () => {
    expect(
      routes({
        "ctf/__init__.py": `from flask import Flask\nfrom ctf.views import views\n\nclass PlatformFlask(Flask):\n    def create_jinja_environment(self):\n        return super().create_jinja_environment()\n\ndef create_app():\n    app = PlatformFlask(__name__)\n    with app.app_context():\n        app.register_blueprint(views, url_prefix="/ctf")\n    return app\n`,
        "ctf/views.py": `from flask import Blueprint\n\nviews = Blueprint("views", __name__)\n\n@views.route("/scoreboard")\ndef scoreboard():\n    return {"teams": []}\n`,
      }),
    ).toEqual(["GET /ctf/scoreboard flask ctf/views.py:5"]);
  });

  it("serves Django Ninja routers where the URLconf puts the NinjaAPI", () => {
    const files = {
      "project/urls.py": `from django.urls import include, path\n\nurlpatterns = [\n    path("api/", include("jobs.api")),\n]\n`,
      "jobs/api.py": `from django.urls import path\nfrom ninja import NinjaAPI\nfrom jobs.handlers import router as jobs_router\n\napi = NinjaAPI()\napi.add_router(prefix="/v1/jobs", router=jobs_router)\n\nurlpatterns = [\n    path("", api.urls),\n]\n`,
      "jobs/handlers.py": `from ninja import Router\n\nrouter = Router(tags=["jobs"])\n\n@router.get("")\ndef listing(request):\n    return []\n\n@router.delete("/{id}")\ndef remove(request, id: int):\n    return {"ok": True}\n`,
      // a Router that is not Django Ninja's is no router
      "jobs/events.py": `from events import Router\n\nbus = Router()\n\n@bus.get("/ignored")\ndef ignored():\n    pass\n`,
    };
    expect(routes(files)).toEqual([
      "GET /api/v1/jobs django-ninja jobs/handlers.py:5",
      "DELETE /api/v1/jobs/{id} django-ninja jobs/handlers.py:9",
    ]);
    expect(detectPythonStack(scanContextFrom(files)).signals?.rest_api?.evidence).toEqual([
      { file: "jobs/handlers.py", line: 5, note: "Django Ninja handler returns JSON" },
      { file: "jobs/handlers.py", line: 9, note: "Django Ninja handler returns JSON" },
    ]);
  });

  it("lists a NinjaAPI no URLconf serves with its own paths, unresolved", () => {
    expect(
      routes({
        "api.py": `from ninja import NinjaAPI\n\napi = NinjaAPI()\n\n@api.post("/items")\ndef create(request):\n    return {}\n`,
      }),
    ).toEqual(["POST /items django-ninja api.py:5 unresolved"]);
  });

  it("follows a router into the app factory it is passed to", () => {
    expect(
      routes({
        "app/main.py": `from .api import router\nfrom .setup import create_application\n\napp = create_application(router=router, debug=False)\n`,
        "app/api.py": `from fastapi import APIRouter\n\nrouter = APIRouter(prefix="/api")\n\n@router.get("/items")\ndef items():\n    return []\n`,
        "app/setup.py": `from fastapi import APIRouter, FastAPI\n\ndef create_application(\n    router: APIRouter,\n    debug: bool,\n) -> FastAPI:\n    application = FastAPI(debug=debug)\n    application.include_router(router)\n    return application\n`,
      }),
    ).toEqual(["GET /api/items fastapi app/api.py:5"]);
  });
});
